package com.complaintdesk.reporting;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily pre-aggregate of closed complaints (table kpi_day, migrations V13 and V16), so the KPIs of a year do not
 * read a million complaint rows. Closing is final (no extension, breach, legal action or re-routing of a closed
 * complaint), so what the KPIs read of a closed complaint is added to kpi_day once: per Asia/Shanghai day, the
 * complaints registered (R, with how many were extended and breached), closed (C, per outcome) and decided (D, per
 * hour band of time from registration to decision, with how many had a deadline and met it; a withdrawal or a
 * duplicate is no decision).
 * <p>
 * Each complaint is counted in eight rows per kind, one per combination of the three filters (department, category,
 * channel) either named or {@code '*'} (every one): a KPI query reads only the rows of its own filter, so the year
 * without filters reads one row per day (and hour band), not one per day and combination; with real data the latter
 * approach one row per complaint. Keys are never null ({@code '-'}: no department or outcome; -1: no hour band), so
 * adding a batch merges into the existing rows (MERGE, H2 and PostgreSQL 15+) and the table does not grow with the
 * number of catch-ups.
 * <p>
 * Hour bands ({@link #HOUR_BAND}) keep the decision rows few: whole hours below a day, then 3 h to 72 h, 12 h to
 * 15 days, a day to 60 days, a week beyond; the median and the 90th percentile are the first hour of their band, the
 * same whether a complaint is rolled up or still live.
 * {@link KpiQueries} adds the live part, the complaints no catch-up has taken yet ({@code kpi_batch is null}: the
 * open ones and those closed since), so a figure is the same whether a complaint is rolled up or not.
 * <p>
 * A catch-up runs on a schedule and before every KPI query, in transactions of its own: each batch numbers itself
 * (the row of kpi_rollup, locked, so two nodes never take the same complaints; a caller that finds it locked goes on
 * without waiting), marks up to {@link #BATCH} closed complaints not yet taken with that number and merges their
 * aggregate. Usually a handful of complaints closed since the last run; the first after the migration takes every
 * closed complaint once, in the schedule.
 */
@Component
public class KpiRollup {

    /** Closed complaints a catch-up takes per transaction (row locks and undo stay bounded on the first, large one). */
    static final int BATCH = 100_000;

    /** Every department, category or channel: the key of the rows a query without that filter reads. */
    static final String EVERY = "*";

    /** The first hour of the band of {@code %1$s} whole hours (an integer expression, at least 0). */
    static final String HOUR_BAND = "case when %1$s < 24 then %1$s when %1$s < 72 then %1$s - mod(%1$s, 3)"
            + " when %1$s < 360 then %1$s - mod(%1$s, 12) when %1$s < 1440 then %1$s - mod(%1$s, 24)"
            + " else %1$s - mod(%1$s, 168) end";

    /** The hour band of the complaint {@code c}'s time from registration to decision. */
    static final String DECISION_BAND = HOUR_BAND.formatted("greatest(0, cast(" + KpiQueries.HOURS_TO_DECISION + " as integer))");

    private static final Logger log = LoggerFactory.getLogger(KpiRollup.class);
    private static final String DAY = KpiQueries.DAY;

    /** Per complaint of the batch (%2$s selects them): the day and the values of one kind. */
    private static final String REGISTERED = "select 'R' as kind, cast(" + DAY.formatted("c.registered_at") + " as integer) as d,"
            + " coalesce(c.department, '-') as department, c.category, c.channel, '-' as outcome, -1 as hours,"
            + " case when c.extended_days > 0 then 1 else 0 end as extended, case when c.deadline_breached then 1 else 0 end as breached,"
            + " 0 as due, 0 as in_time from complaint c where %2$s";
    private static final String CLOSED = "select 'C' as kind, cast(" + DAY.formatted("c.closed_at") + " as integer) as d,"
            + " coalesce(c.department, '-') as department, c.category, c.channel, coalesce(c.outcome, '-') as outcome, -1 as hours,"
            + " 0 as extended, 0 as breached, 0 as due, 0 as in_time from complaint c where c.closed_at is not null and %2$s";
    private static final String DECIDED = "select 'D' as kind, cast(" + DAY.formatted("c.decided_at") + " as integer) as d,"
            + " coalesce(c.department, '-') as department, c.category, c.channel, '-' as outcome, " + DECISION_BAND + " as hours,"
            + " 0 as extended, 0 as breached, case when c.decision_due_at is null then 0 else 1 end as due,"
            + " case when c.decided_at <= c.decision_due_at then 1 else 0 end as in_time from complaint c"
            + " where c.decided_at is not null and " + KpiQueries.DECISION + " and %2$s";

    /** The eight filter combinations: department, category, channel each named (1) or every one (0). */
    private static final String COMBINATIONS = "(values (0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (1, 0, 1), (0, 1, 1),"
            + " (1, 1, 1)) m (dep, cat, chan)";
    private static final String DEPARTMENT = "case when m.dep = 1 then x.department else '" + EVERY + "' end";
    private static final String CATEGORY = "case when m.cat = 1 then x.category else '" + EVERY + "' end";
    private static final String CHANNEL = "case when m.chan = 1 then x.channel else '" + EVERY + "' end";

    /** Merges the rows of one kind into kpi_day; %1$s is the sign ("" to add, "-" to take out), %2$s picks the complaints. */
    private static final String MERGE = "merge into kpi_day k using (select x.kind, x.d as day_number, " + DEPARTMENT + " as department, "
            + CATEGORY + " as category, " + CHANNEL + " as channel, x.outcome, x.hours, %1$scount(*) as complaints,"
            + " %1$ssum(x.extended) as extended, %1$ssum(x.breached) as breached, %1$ssum(x.due) as due, %1$ssum(x.in_time) as in_time"
            + " from (%3$s) x cross join " + COMBINATIONS
            + " group by x.kind, x.d, " + DEPARTMENT + ", " + CATEGORY + ", " + CHANNEL + ", x.outcome, x.hours) s"
            + " on (k.kind = s.kind and k.day_number = s.day_number and k.department = s.department and k.category = s.category"
            + " and k.channel = s.channel and k.outcome = s.outcome and k.hours = s.hours)"
            + " when matched then update set complaints = k.complaints + s.complaints, extended = k.extended + s.extended,"
            + " breached = k.breached + s.breached, due = k.due + s.due, in_time = k.in_time + s.in_time, batch = :batch"
            + " when not matched then insert (kind, day_number, department, category, channel, outcome, hours, complaints, extended,"
            + " breached, due, in_time, batch) values (s.kind, s.day_number, s.department, s.category, s.channel, s.outcome, s.hours,"
            + " s.complaints, s.extended, s.breached, s.due, s.in_time, :batch)";

    /** What a catch-up adds: the complaints it marked with its batch number. */
    private static final List<String> ADD = List.of(REGISTERED, CLOSED, DECIDED).stream()
            .map(kind -> MERGE.formatted("", null, kind.formatted(null, "c.kpi_batch = :batch"))).toList();
    /** What removing a rolled-up complaint takes out again: its counts subtracted. */
    private static final List<String> TAKE_OUT = List.of(REGISTERED, CLOSED, DECIDED).stream()
            .map(kind -> MERGE.formatted("-", null, kind.formatted(null, "c.id = :id and c.kpi_batch is not null"))).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public KpiRollup(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Adds the complaints closed since the last catch-up to kpi_day, {@link #BATCH} at a time, each batch in a
     * transaction of its own; returns how many. When another catch-up holds the lock (the schedule, another node),
     * returns at once: the complaints it is taking stay in the live part of the KPI queries until it commits, so the
     * figures are the same either way and a KPI request never waits for a long catch-up.
     */
    public long catchUp() {
        long total = 0;
        while (waiting()) {
            Long taken = ownTransaction.execute(status -> {
                List<Long> locked = jdbc.queryForList("select last_batch from kpi_rollup where id = 1 for update skip locked",
                        Map.of(), Long.class);
                if (locked.isEmpty()) {
                    return -1L;
                }
                long batch = locked.get(0) + 1;
                jdbc.update("update kpi_rollup set last_batch = :batch where id = 1", Map.of("batch", batch));
                int marked = jdbc.update("update complaint set kpi_batch = :batch where id in (select id from complaint"
                        + " where kpi_batch is null and status = 'CLOSED' order by id fetch first " + BATCH + " rows only)",
                        Map.of("batch", batch));
                if (marked > 0) {
                    for (String insert : ADD) {
                        jdbc.update(insert, Map.of("batch", batch));
                    }
                }
                return (long) marked;
            });
            if (taken == null || taken <= 0) {
                break;
            }
            total += taken;
        }
        return total;
    }

    /**
     * The catch-up on a schedule (a minute after start, then every five minutes by default), so the first catch-up
     * after an upgrade (every closed complaint once: minutes per million) and the day's closures are taken here, not
     * inside a manager's KPI request.
     */
    @Scheduled(initialDelayString = "${complaint-desk.reporting.kpi-rollup.initial-delay:PT1M}",
            fixedDelayString = "${complaint-desk.reporting.kpi-rollup.interval:PT5M}")
    void onSchedule() {
        long started = System.nanoTime();
        long taken = catchUp();
        if (taken > 0) {
            log.info("KPI roll-up took {} closed complaints into kpi_day in {} ms", taken, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private boolean waiting() {
        Long waiting = jdbc.queryForObject("select count(*) from complaint where kpi_batch is null and status = 'CLOSED'",
                Map.of(), Long.class);
        return waiting != null && waiting > 0;
    }

    /**
     * Takes a complaint out of kpi_day before it is deleted (the retention cleanup), in the caller's transaction;
     * nothing when no catch-up has taken it yet.
     */
    public void takeOut(long complaintId) {
        for (String insert : TAKE_OUT) {
            jdbc.update(insert, Map.of("id", complaintId, "batch", -1L));
        }
    }
}
