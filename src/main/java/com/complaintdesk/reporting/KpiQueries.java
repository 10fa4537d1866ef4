package com.complaintdesk.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs from our own tables (complaint, settlement_proposal, ledger_entry, legal_case, regulator_referral,
 * complaint_survey), never from the engine's history. Portable SQL (H2 2.x and PostgreSQL): each query aggregates in
 * the database and returns a few rows; the percentiles are computed here from a histogram of hour bands (one row per
 * band of time to decision, {@link KpiRollup#HOUR_BAND}), so no query returns a row per complaint. Days are Asia/Shanghai days (UTC+8, no
 * daylight saving): {@code floor((epoch + 8 h) / 1 day)}.
 */
@Repository
public class KpiQueries {

    /** Seconds east of UTC of Asia/Shanghai, which has had no daylight saving since 1991. */
    static final int ZONE_OFFSET_SECONDS = 8 * 3600;
    static final String DAY = "floor((extract(epoch from %s) + " + ZONE_OFFSET_SECONDS + ") / 86400)";
    /** Whole hours from registration to decision of the complaint {@code c}. */
    static final String HOURS_TO_DECISION = "floor((extract(epoch from c.decided_at) - extract(epoch from c.registered_at)) / 3600)";
    /** The complaint {@code c} was decided, if at all, by a decision: a withdrawal or a duplicate is none. */
    static final String DECISION = "(c.outcome is null or c.outcome not in ('WITHDRAWN', 'DUPLICATE'))";
    /** Every stage but CLOSED, as a list an index on status can be read by (a range per stage, not a scan of all). */
    private static final String OPEN_STAGES = java.util.Arrays.stream(com.complaintdesk.complaint.ComplaintStatus.values())
            .filter(status -> status != com.complaintdesk.complaint.ComplaintStatus.CLOSED)
            .map(status -> "'" + status.name() + "'").collect(java.util.stream.Collectors.joining(", "));

    private final NamedParameterJdbcTemplate jdbc;
    private final KpiRollup rollup;

    KpiQueries(NamedParameterJdbcTemplate jdbc, KpiRollup rollup) {
        this.jdbc = jdbc;
        this.rollup = rollup;
    }

    /**
     * Every KPI of the filter. What was registered, closed and decided in the period comes from the daily
     * pre-aggregate of closed complaints ({@link KpiRollup}, brought up to date first) plus the complaints it has not
     * taken yet (the live part: open ones and those closed since), each in one statement (one snapshot); the rest
     * read what is open now (an index range per open stage) and the small tables (proposals, payments, referrals,
     * legal cases, surveys).
     */
    @Transactional(readOnly = true)
    public Kpis kpis(ReportFilter filter) {
        rollup.catchUp();
        return figures(filter);
    }

    /** The KPIs from kpi_day and the live part as they are, without a catch-up first. */
    Kpis figures(ReportFilter filter) {
        Registered registered = registered(filter);
        Closed closed = closed(filter);
        List<Kpis.Day> days = days(filter, registered.perDay(), closed.perDay());
        return new Kpis(filter, open(filter), days, weeks(days), decisions(filter),
                deadlines(filter, registered), settlements(filter), external(filter), satisfaction(filter, closed.total()),
                closed.byOutcome(), Labels.all());
    }

    /** Complaints registered in the period: per day, and how many were extended and breached. */
    record Registered(Map<Long, Long> perDay, long total, long extended, long breached) {
    }

    /** Complaints closed in the period: per day and per outcome. */
    record Closed(Map<Long, Long> perDay, Map<String, Long> byOutcome, long total) {
    }

    Registered registered(ReportFilter filter) {
        Map<Long, Long> perDay = new TreeMap<>();
        long[] totals = new long[3];
        jdbc.query("select d, sum(n) as n, sum(extended) as extended, sum(breached) as breached from ("
                        + rolledUp("R", "k.day_number as d, k.complaints as n, k.extended, k.breached", filter)
                        + " union all select " + DAY.formatted("c.registered_at") + " as d, 1 as n,"
                        + " case when c.extended_days > 0 then 1 else 0 end as extended,"
                        + " case when c.deadline_breached then 1 else 0 end as breached from complaint c"
                        + " where c.kpi_batch is null and c.registered_at >= :start and c.registered_at < :end" + filter.where("c")
                        + ") x group by d having sum(n) <> 0",
                filter.parameters(), rs -> {
                    perDay.put(rs.getLong("d"), rs.getLong("n"));
                    totals[0] += rs.getLong("n");
                    totals[1] += rs.getLong("extended");
                    totals[2] += rs.getLong("breached");
                });
        return new Registered(perDay, totals[0], totals[1], totals[2]);
    }

    Closed closed(ReportFilter filter) {
        Map<Long, Long> perDay = new TreeMap<>();
        Map<String, Long> byOutcome = new TreeMap<>();
        long[] total = new long[1];
        jdbc.query("select d, outcome, sum(n) as n from (" + rolledUp("C", "k.day_number as d, k.outcome, k.complaints as n", filter)
                        + " union all select " + DAY.formatted("c.closed_at") + " as d, c.outcome, 1 as n from complaint c"
                        + " where c.kpi_batch is null and c.closed_at >= :start and c.closed_at < :end" + filter.where("c")
                        + ") x group by d, outcome having sum(n) <> 0",
                filter.parameters(), rs -> {
                    long n = rs.getLong("n");
                    perDay.merge(rs.getLong("d"), n, Long::sum);
                    byOutcome.merge(orNone(rs.getString("outcome")), n, Long::sum);
                    total[0] += n;
                });
        return new Closed(perDay, byOutcome, total[0]);
    }

    Kpis.Open open(ReportFilter filter) {
        Map<String, Long> byDepartment = new TreeMap<>();
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byPriority = new TreeMap<>();
        Map<String, Long> byStage = new TreeMap<>();
        long[] totals = new long[2];
        jdbc.query("select c.status, c.department, c.category, c.priority, c.deadline_breached, count(*) as n from complaint c "
                        + "where c.status in (" + OPEN_STAGES + ")" + filter.where("c")
                        + " group by c.status, c.department, c.category, c.priority, c.deadline_breached",
                filter.parameters(), rs -> {
                    long n = rs.getLong("n");
                    totals[0] += n;
                    if (rs.getBoolean("deadline_breached")) {
                        totals[1] += n;
                    }
                    byStage.merge(rs.getString("status"), n, Long::sum);
                    byDepartment.merge(orNone(rs.getString("department")), n, Long::sum);
                    byCategory.merge(rs.getString("category"), n, Long::sum);
                    byPriority.merge(orNone(rs.getString("priority")), n, Long::sum);
                });
        return new Kpis.Open(totals[0], totals[1], byDepartment, byCategory, byPriority, byStage);
    }

    /**
     * The {@code columns} of the rows of kpi_day of one kind in the period, those of the filter's own combination
     * (a filter left out reads the rows of every one, {@link KpiRollup#EVERY}).
     */
    private static String rolledUp(String kind, String columns, ReportFilter filter) {
        return "select " + columns + " from kpi_day k where k.kind = '" + kind + "' and k.department = :rolledUpDepartment"
                + " and k.category = :rolledUpCategory and k.channel = :rolledUpChannel"
                + " and k.day_number >= :startDay and k.day_number <= :endDay";
    }

    static List<Kpis.Day> days(ReportFilter filter, Map<Long, Long> opened, Map<Long, Long> closed) {
        List<Kpis.Day> days = new ArrayList<>();
        for (LocalDate day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
            long epochDay = day.toEpochDay();
            days.add(new Kpis.Day(day, opened.getOrDefault(epochDay, 0L), closed.getOrDefault(epochDay, 0L)));
        }
        return days;
    }

    static List<Kpis.Week> weeks(List<Kpis.Day> days) {
        Map<LocalDate, long[]> weeks = new TreeMap<>();
        for (Kpis.Day day : days) {
            long[] counts = weeks.computeIfAbsent(day.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), m -> new long[2]);
            counts[0] += day.opened();
            counts[1] += day.closed();
        }
        List<Kpis.Week> result = new ArrayList<>();
        weeks.forEach((monday, counts) -> result.add(new Kpis.Week(
                "%d-W%02d".formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                monday, counts[0], counts[1])));
        return result;
    }

    Kpis.Decisions decisions(ReportFilter filter) {
        TreeMap<Long, Long> histogram = new TreeMap<>();
        long[] totals = new long[3];
        jdbc.query("select h, sum(n) as n, sum(due) as due, sum(in_time) as in_time from ("
                        + rolledUp("D", "k.hours as h, k.complaints as n, k.due, k.in_time", filter)
                        + " union all select " + KpiRollup.DECISION_BAND + " as h, 1 as n,"
                        + " case when c.decision_due_at is null then 0 else 1 end as due,"
                        + " case when c.decided_at <= c.decision_due_at then 1 else 0 end as in_time"
                        + " from complaint c where c.kpi_batch is null and c.decided_at >= :start and c.decided_at < :end"
                        + " and " + DECISION + filter.where("c")
                        + ") x group by h having sum(n) <> 0",
                filter.parameters(), rs -> {
                    long n = rs.getLong("n");
                    histogram.merge(Math.max(0, rs.getLong("h")), n, Long::sum);
                    totals[0] += n;
                    totals[1] += rs.getLong("due");
                    totals[2] += rs.getLong("in_time");
                });
        return new Kpis.Decisions(totals[0], totals[1], totals[2], share(totals[2], totals[1]),
                Percentiles.nearestRank(histogram, 0.5), Percentiles.nearestRank(histogram, 0.9));
    }

    Kpis.Deadlines deadlines(ReportFilter filter, Registered registered) {
        Map<String, Object> params = filter.parameters();
        Long regulator = jdbc.queryForObject("select count(distinct r.complaint_id) from regulator_referral r join complaint c on c.id = r.complaint_id"
                + " where r.received_at >= :start and r.received_at < :end" + filter.where("c"), params, Long.class);
        Long court = jdbc.queryForObject("select count(distinct l.complaint_id) from legal_case l join complaint c on c.id = l.complaint_id"
                + " where l.opened_at >= :start and l.opened_at < :end" + filter.where("c"), params, Long.class);
        return new Kpis.Deadlines(registered.total(), registered.extended(), registered.breached(),
                regulator == null ? 0 : regulator, court == null ? 0 : court);
    }

    List<Kpis.Settlement> settlements(ReportFilter filter) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> amounts = new TreeMap<>();
        jdbc.query("select p.remedy, count(*) as n from settlement_proposal p join complaint c on c.id = p.complaint_id"
                        + " where p.status = 'ACCEPTED' and coalesce(p.responded_at, p.proposed_at) >= :start"
                        + " and coalesce(p.responded_at, p.proposed_at) < :end" + filter.where("c") + " group by p.remedy",
                filter.parameters(), rs -> {
                    counts.computeIfAbsent(rs.getString("remedy"), r -> new long[2])[0] = rs.getLong("n");
                });
        jdbc.query("select l.kind, count(*) as n, sum(l.amount) as paid from ledger_entry l join complaint c on c.id = l.complaint_id"
                        + " where l.created_at >= :start and l.created_at < :end" + filter.where("c") + " group by l.kind",
                filter.parameters(), rs -> {
                    counts.computeIfAbsent(rs.getString("kind"), r -> new long[2])[1] = rs.getLong("n");
                    amounts.put(rs.getString("kind"), rs.getBigDecimal("paid"));
                });
        List<Kpis.Settlement> result = new ArrayList<>();
        counts.forEach((remedy, n) -> result.add(new Kpis.Settlement(remedy, n[0], n[1],
                amounts.getOrDefault(remedy, BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_UP))));
        return result;
    }

    Kpis.External external(ReportFilter filter) {
        Map<String, Object> referrals = counts("regulator_referral", "received_at", filter);
        Map<String, Object> cases = counts("legal_case", "opened_at", filter);
        return new Kpis.External(number(referrals.get("open_now")), number(referrals.get("started")), number(referrals.get("concluded")),
                number(cases.get("open_now")), number(cases.get("started")), number(cases.get("concluded")));
    }

    private Map<String, Object> counts(String table, String startColumn, ReportFilter filter) {
        return jdbc.queryForMap("select coalesce(sum(case when t.concluded_at is null then 1 else 0 end), 0) as open_now,"
                + " coalesce(sum(case when t." + startColumn + " >= :start and t." + startColumn + " < :end then 1 else 0 end), 0) as started,"
                + " coalesce(sum(case when t.concluded_at >= :start and t.concluded_at < :end then 1 else 0 end), 0) as concluded"
                + " from " + table + " t join complaint c on c.id = t.complaint_id where 1 = 1" + filter.where("c"), filter.parameters());
    }

    /** The surveys of the complaints closed in the period ({@code closed} of them). */
    Kpis.Satisfaction satisfaction(ReportFilter filter, long closed) {
        Map<Integer, Long> byScore = new TreeMap<>();
        long[] totals = new long[2];
        jdbc.query("select s.score, count(*) as n from complaint_survey s join complaint c on c.id = s.complaint_id"
                        + " where c.closed_at >= :start and c.closed_at < :end" + filter.where("c") + " group by s.score",
                filter.parameters(), rs -> {
                    long n = rs.getLong("n");
                    byScore.put(rs.getInt("score"), n);
                    totals[0] += n;
                    totals[1] += rs.getInt("score") * n;
                });
        Double average = totals[0] == 0 ? null : Math.round(100.0 * totals[1] / totals[0]) / 100.0;
        return new Kpis.Satisfaction(closed, totals[0], share(totals[0], closed), average, byScore);
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(10000.0 * part / whole) / 10000.0;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A missing department or outcome: null in the complaint rows, '-' in kpi_day. */
    private static String orNone(String value) {
        return value == null || value.equals("-") ? "NONE" : value;
    }
}
