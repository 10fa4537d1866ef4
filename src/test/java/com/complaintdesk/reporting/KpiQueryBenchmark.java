package com.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The KPI query over 1,000,000 closed complaints (a year, 2030, no other test writes to) and 10,000 open ones on the
 * embedded PostgreSQL 17: the whole {@link KpiQueries#kpis} for that year must answer in under 500 ms (median of 5
 * runs after 2 warm-ups), also with the department, category and channel filters. Baselines measured in the same run
 * on the same rows: one plain {@code count(*)} over the complaint table, and the same KPIs read from the complaint rows
 * alone (the live part only, as before the daily pre-aggregate: what {@link KpiQueries#figures} computes before any
 * catch-up), which must give the same figures. Also printed: the first catch-up (every closed complaint once, what
 * the first KPI query after migration V13 does) and a KPI query that first catches up 1,000 complaints closed since.
 * Figures as {@code name=value} lines. Not part of `mvn verify` (its name ends in Benchmark); run it with
 * {@code mvn -Pbenchmark-kpi test}.
 */
@ComplaintDeskSpringTest
@Tag("benchmark")
class KpiQueryBenchmark {

    static final int COMPLAINTS = 1_000_000;
    static final int OPEN = 10_000;
    static final int CLOSED_SINCE = 1_000;
    static final long LIMIT_MILLIS = 500;

    @Autowired KpiQueries queries;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void theKpisOfAYearOfAMillionClosedComplaintsAnswerInUnder500Ms() {
        long seeding = System.nanoTime();
        seed(1, COMPLAINTS, "CLOSED");
        seed(COMPLAINTS + 1, OPEN, "UNDER_INVESTIGATION");
        jdbc.execute("vacuum analyze complaint");
        figure("seeded_complaints", COMPLAINTS + OPEN);
        figure("seeding_ms", (System.nanoTime() - seeding) / 1_000_000);
        figure("load_average_1min_before", loadAverage());

        ReportFilter year = ReportFilter.parse("2030-01-01", "2030-12-31", null, null, null, LocalDate.of(2031, 1, 15));
        ReportFilter filteredYear = ReportFilter.parse("2030-01-01", "2030-12-31", "technical-support", "FEE_DISPUTE", "ONLINE",
                LocalDate.of(2031, 1, 15));
        long baseline = median(() -> jdbc.queryForObject("select count(*) from complaint", Long.class), 2, 5);
        figure("baseline_count_all_ms", baseline);
        Kpis live = queries.figures(year);
        assertThat(live.closed()).isEqualTo(COMPLAINTS);
        assertThat(live.opened()).isEqualTo(COMPLAINTS + OPEN);
        figure("baseline_kpis_from_complaint_rows_ms", median(() -> queries.figures(year), 1, 3));
        Kpis liveFiltered = queries.figures(filteredYear);

        long catchUp = System.nanoTime();
        Kpis rolled = queries.kpis(year);
        figure("first_catch_up_with_kpis_ms", (System.nanoTime() - catchUp) / 1_000_000);
        assertThat(rolled).as("the same figures from the daily pre-aggregate").isEqualTo(live);
        assertThat(queries.kpis(filteredYear)).isEqualTo(liveFiltered);
        figure("kpi_day_rows", jdbc.queryForObject("select count(*) from kpi_day", Long.class));
        // what autovacuum does after a million rows changed; later catch-ups take a few rows each and change no statistics
        jdbc.execute("vacuum analyze complaint");
        jdbc.execute("vacuum analyze kpi_day");

        long kpiQuery = median(() -> queries.kpis(year), 2, 5);
        long filtered = median(() -> queries.kpis(filteredYear), 2, 5);
        figure("kpis_of_the_year_ms", kpiQuery);
        figure("kpis_of_the_year_filtered_ms", filtered);
        partsOf(year);

        jdbc.update("update complaint set status = 'CLOSED', outcome = 'EXPLAINED', closed_at = registered_at + interval '3 days',"
                + " decided_at = registered_at + interval '3 days' where id in (select id from complaint where status = 'UNDER_INVESTIGATION'"
                + " and complaint_number like 'BK-%' order by id limit ?)", CLOSED_SINCE);
        long incremental = System.nanoTime();
        Kpis afterClosing = queries.kpis(year);
        figure("kpis_with_catch_up_of_1000_closed_since_ms", (System.nanoTime() - incremental) / 1_000_000);
        assertThat(afterClosing.closed()).isEqualTo(COMPLAINTS + CLOSED_SINCE);
        figure("limit_ms", LIMIT_MILLIS);
        figure("load_average_1min_after", loadAverage());
        assertThat(kpiQuery).isLessThan(LIMIT_MILLIS);
        assertThat(filtered).isLessThan(LIMIT_MILLIS);
    }

    /**
     * {@code count} complaints of 2030 from number {@code first} on, closed ones decided and closed within 600 hours.
     * Department, category, channel, outcome and hours to decision are drawn independently (a hash of the number per
     * column), so the daily pre-aggregate holds as many rows as real complaints would give it, not a few combinations.
     */
    private void seed(int first, int count, String status) {
        boolean closed = status.equals("CLOSED");
        jdbc.update("""
                insert into complaint (complaint_number, channel, status, complainant_name, complainant_phone, merchant_id, category,
                    via_sales_promotion, description, department, priority, outcome, registered_by, registered_at, closed_at, version,
                    decision_due_at, deadline_breached, extended_days, decided_at)
                select 'BK-' || g, (array['HOTLINE','ONLINE','WALK_IN','REGULATOR'])[1 + abs(hashint4(g)) % 4], ?, '基准 Benchmark',
                    '13900000000', 'M-BK-' || (g % 5000),
                    (array['TECHNICAL_FAULT','FEE_DISPUTE','APPLICATION_PROCESS','BRAND_MARKETING','PRODUCT_QUALITY','SERVICE_QUALITY','COMPLIANCE','OTHER'])[1 + abs(hashint4(g + 1)) % 8],
                    false, 'benchmark', (array['customer-service','technical-support','compliance-legal','marketing-brand'])[1 + abs(hashint4(g + 2)) % 4],
                    'NORMAL', case when ? then (array['RESOLVED_MONETARY','EXPLAINED','REJECTED','RESOLVED_NON_MONETARY','WITHDRAWN'])[1 + abs(hashint4(g + 3)) % 5] end,
                    'benchmark', r, case when ? then r + h * interval '1 hour' end, 0, r + interval '15 days', h > 360,
                    case when g % 50 = 0 then 10 else 0 end, case when ? then r + h * interval '1 hour' end
                from (select g, abs(hashint4(g + 4)) % 600 as h,
                             timestamptz '2030-01-01 00:00+08' + (g % 340) * interval '1 day' + (g % 24) * interval '1 hour' as r
                      from generate_series(?, ?) g) s""", status, closed, closed, closed, first, first + count - 1);
    }

    /** Where the KPI query of the year spends its time: each of its statements' median, as {@link KpiQueries#figures} runs them. */
    private void partsOf(ReportFilter year) {
        KpiQueries.Registered registered = queries.registered(year);
        KpiQueries.Closed closed = queries.closed(year);
        Map<String, Runnable> parts = new LinkedHashMap<>();
        parts.put("registered", () -> queries.registered(year));
        parts.put("closed", () -> queries.closed(year));
        parts.put("open", () -> queries.open(year));
        parts.put("decisions", () -> queries.decisions(year));
        parts.put("deadlines", () -> queries.deadlines(year, registered));
        parts.put("settlements", () -> queries.settlements(year));
        parts.put("external", () -> queries.external(year));
        parts.put("satisfaction", () -> queries.satisfaction(year, closed.total()));
        parts.forEach((part, query) -> figure("kpis_of_the_year_part_" + part + "_ms", median(query, 1, 5)));
        // the plans of the three period statements, with their times, in the server's log (this output)
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.execute("load 'auto_explain'");
            jdbc.execute("set auto_explain.log_min_duration = 0");
            jdbc.execute("set auto_explain.log_analyze = on");
            jdbc.execute("set auto_explain.log_buffers = on");
            queries.registered(year);
            queries.closed(year);
            queries.decisions(year);
        });
    }

    private static void figure(String name, Object value) {
        System.out.println("kpi_benchmark." + name + "=" + value);
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long median(Runnable query, int warmUps, int runs) {
        for (int i = 0; i < warmUps; i++) {
            query.run();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.run();
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(times);
        return times.get(runs / 2);
    }
}
