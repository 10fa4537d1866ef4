package com.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPI query over 1,000,000 closed complaints (a year, 2030, no other test writes to) on the embedded PostgreSQL:
 * the whole {@link KpiQueries#kpis} for that year must answer in under 500 ms (median of 5 runs after 2 warm-ups). The
 * baseline, measured in the same run on the same rows, is one plain {@code count(*)} over the complaint table.
 * Not part of `mvn verify` (its name ends in Benchmark); run it with {@code mvn -Pbenchmark-kpi verify}.
 */
@ComplaintDeskSpringTest
@Tag("benchmark")
class KpiQueryBenchmark {

    static final int COMPLAINTS = 1_000_000;
    static final long LIMIT_MILLIS = 500;

    @Autowired KpiQueries queries;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theKpisOfAYearOfAMillionClosedComplaintsAnswerInUnder500Ms() {
        long seeding = System.nanoTime();
        jdbc.update("""
                insert into complaint (complaint_number, channel, status, complainant_name, complainant_phone, merchant_id, category,
                    via_sales_promotion, description, department, priority, outcome, registered_by, registered_at, closed_at, version,
                    decision_due_at, deadline_breached, extended_days, decided_at)
                select 'BK-' || g, (array['HOTLINE','ONLINE','WALK_IN','REGULATOR'])[1 + g % 4], 'CLOSED', '基准 Benchmark', '13900000000',
                    'M-BK-' || (g % 5000),
                    (array['TECHNICAL_FAULT','FEE_DISPUTE','APPLICATION_PROCESS','BRAND_MARKETING','PRODUCT_QUALITY','SERVICE_QUALITY','COMPLIANCE','OTHER'])[1 + g % 8],
                    false, 'benchmark', (array['customer-service','technical-support','compliance-legal','marketing-brand'])[1 + g % 4], 'NORMAL',
                    (array['RESOLVED_MONETARY','EXPLAINED','REJECTED','RESOLVED_NON_MONETARY','WITHDRAWN'])[1 + g % 5], 'benchmark',
                    r, r + (g % 600) * interval '1 hour', 0, r + interval '15 days', (g % 600) > 360,
                    case when g % 50 = 0 then 10 else 0 end, r + (g % 600) * interval '1 hour'
                from (select g, timestamptz '2030-01-01 00:00+08' + (g % 340) * interval '1 day' + (g % 24) * interval '1 hour' as r
                      from generate_series(1, ?) g) s""", COMPLAINTS);
        jdbc.execute("vacuum analyze complaint");
        System.out.printf("KPI benchmark: seeded %,d closed complaints in %,d ms%n", COMPLAINTS, (System.nanoTime() - seeding) / 1_000_000);

        ReportFilter year = ReportFilter.parse("2030-01-01", "2030-12-31", null, null, null, LocalDate.of(2031, 1, 15));
        Kpis kpis = queries.kpis(year);
        assertThat(kpis.closed()).isEqualTo(COMPLAINTS);
        assertThat(kpis.opened()).isEqualTo(COMPLAINTS);

        long baseline = median(() -> jdbc.queryForObject("select count(*) from complaint", Long.class));
        long kpiQuery = median(() -> queries.kpis(year));
        long filtered = median(() -> queries.kpis(ReportFilter.parse("2030-01-01", "2030-12-31", "technical-support", "FEE_DISPUTE", "ONLINE",
                LocalDate.of(2031, 1, 15))));
        System.out.printf("KPI benchmark over %,d closed complaints: baseline count(*) %d ms; KPIs of the year %d ms;"
                + " with department, category and channel filters %d ms (limit %d ms)%n", COMPLAINTS, baseline, kpiQuery, filtered, LIMIT_MILLIS);
        assertThat(kpiQuery).isLessThan(LIMIT_MILLIS);
        assertThat(filtered).isLessThan(LIMIT_MILLIS);
    }

    private static long median(Runnable query) {
        for (int i = 0; i < 2; i++) {
            query.run();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            query.run();
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(times);
        return times.get(2);
    }
}
