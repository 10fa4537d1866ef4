package com.complaintdesk.reporting;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily pre-aggregate of closed complaints (table kpi_day, migration V13), so the KPIs of a year do not read a
 * million complaint rows. Closing is final (no extension, breach, legal action or re-routing of a closed complaint), so
 * what the KPIs read of a closed complaint is added to kpi_day once: per Asia/Shanghai day, department, category and
 * channel, the complaints registered (R, with how many were extended and breached), closed (C, per outcome) and
 * decided (D, per whole hours from registration to decision, with how many had a deadline and met it; a withdrawal or
 * a duplicate is no decision).
 * {@link KpiQueries} adds the live part, the complaints no catch-up has taken yet ({@code kpi_batch is null}: the
 * open ones and those closed since), so a figure is the same whether a complaint is rolled up or not.
 * <p>
 * A catch-up runs before every KPI query, in a transaction of its own: it numbers itself (the row of kpi_rollup,
 * locked, so two nodes never take the same complaints), marks the closed complaints not yet taken with that number
 * and adds their aggregate. Usually a handful of complaints closed since the last query; the first after the
 * migration takes every closed complaint once.
 */
@Component
public class KpiRollup {

    private static final String DAY = KpiQueries.DAY;

    private static final String REGISTERED = "select 'R' as kind, d, department, category, channel, cast(null as varchar(40)) as outcome,"
            + " cast(null as integer) as hours, %1$scount(*) as complaints, %1$ssum(extended) as extended, %1$ssum(breached) as breached,"
            + " 0 as due, 0 as in_time, :batch as batch from (select cast(" + DAY.formatted("c.registered_at") + " as integer) as d,"
            + " c.department, c.category, c.channel, case when c.extended_days > 0 then 1 else 0 end as extended,"
            + " case when c.deadline_breached then 1 else 0 end as breached from complaint c where %2$s) x"
            + " group by d, department, category, channel";
    private static final String CLOSED = "select 'C' as kind, d, department, category, channel, outcome, cast(null as integer) as hours,"
            + " %1$scount(*) as complaints, 0 as extended, 0 as breached, 0 as due, 0 as in_time, :batch as batch from (select cast("
            + DAY.formatted("c.closed_at") + " as integer) as d, c.department, c.category, c.channel, c.outcome from complaint c"
            + " where c.closed_at is not null and %2$s) x group by d, department, category, channel, outcome";
    private static final String DECIDED = "select 'D' as kind, d, department, category, channel, cast(null as varchar(40)) as outcome,"
            + " h as hours, %1$scount(*) as complaints, 0 as extended, 0 as breached, %1$ssum(due) as due, %1$ssum(in_time) as in_time,"
            + " :batch as batch from (select cast(" + DAY.formatted("c.decided_at") + " as integer) as d, c.department, c.category,"
            + " c.channel, cast(" + KpiQueries.HOURS_TO_DECISION + " as integer) as h,"
            + " case when c.decision_due_at is null then 0 else 1 end as due,"
            + " case when c.decided_at <= c.decision_due_at then 1 else 0 end as in_time from complaint c"
            + " where c.decided_at is not null and " + KpiQueries.DECISION + " and %2$s) x group by d, department, category, channel, h";
    private static final String INSERT = "insert into kpi_day (kind, day_number, department, category, channel, outcome, hours,"
            + " complaints, extended, breached, due, in_time, batch) ";

    /** What a catch-up adds: the complaints it marked with its batch number. */
    private static final List<String> ADD = List.of(REGISTERED, CLOSED, DECIDED).stream()
            .map(select -> INSERT + select.formatted("", "c.kpi_batch = :batch")).toList();
    /** What removing a rolled-up complaint takes out again: its rows with negative counts. */
    private static final List<String> TAKE_OUT = List.of(REGISTERED, CLOSED, DECIDED).stream()
            .map(select -> INSERT + select.formatted("-", "c.id = :id and c.kpi_batch is not null")).toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public KpiRollup(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Adds the complaints closed since the last catch-up to kpi_day; returns how many. */
    public long catchUp() {
        Long waiting = jdbc.queryForObject("select count(*) from complaint where kpi_batch is null and status = 'CLOSED'",
                Map.of(), Long.class);
        if (waiting == null || waiting == 0) {
            return 0;
        }
        Long taken = ownTransaction.execute(status -> {
            long batch = jdbc.queryForObject("select last_batch from kpi_rollup where id = 1 for update", Map.of(), Long.class) + 1;
            jdbc.update("update kpi_rollup set last_batch = :batch where id = 1", Map.of("batch", batch));
            int marked = jdbc.update("update complaint set kpi_batch = :batch where kpi_batch is null and status = 'CLOSED'",
                    Map.of("batch", batch));
            if (marked > 0) {
                for (String insert : ADD) {
                    jdbc.update(insert, Map.of("batch", batch));
                }
            }
            return (long) marked;
        });
        return taken == null ? 0 : taken;
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
