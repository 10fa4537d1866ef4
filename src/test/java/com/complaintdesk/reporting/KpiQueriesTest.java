package com.complaintdesk.reporting;

import static com.complaintdesk.support.SeededComplaints.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.SeededComplaints;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The KPIs over a seeded set in March 2031 (a month no other test writes to), channel WALK_IN: known registrations,
 * decisions, a breach, an extension, a withdrawal, a settlement paid, surveys, a referral and a legal case. What is
 * open now does not depend on the period, so it is checked as the change the seeded set makes.
 */
@ComplaintDeskSpringTest
class KpiQueriesTest {

    static final LocalDate TODAY = LocalDate.of(2031, 4, 15);

    @Autowired KpiQueries queries;
    @Autowired RegulatorReports reports;
    @Autowired JdbcTemplate jdbc;
    @Autowired KpiRollup rollup;
    @Autowired DataSource dataSource;

    private SeededComplaints seeded;

    @AfterEach
    void removeSeeded() {
        if (seeded != null) {
            seeded.deleteAll();
        }
    }

    static ReportFilter march2031() {
        return ReportFilter.parse("2031-03-01", "2031-03-31", null, null, "WALK_IN", TODAY);
    }

    /** The seeded month: see {@link SeededComplaints#march2031()}. */
    static void seedMarch(SeededComplaints seeded) {
        seeded.march2031();
    }

    @Test
    void theKpisOfAPeriodComeFromTheSeededRecords() {
        Kpis before = queries.kpis(march2031());
        seeded = new SeededComplaints(jdbc);
        seedMarch(seeded);
        Kpis kpis = queries.kpis(march2031());

        assertThat(kpis.opened()).isEqualTo(6);
        assertThat(kpis.closed()).isEqualTo(4);
        assertThat(kpis.days()).hasSize(31);
        assertThat(kpis.days()).filteredOn(day -> day.date().equals(LocalDate.of(2031, 3, 2)))
                .singleElement().satisfies(day -> assertThat(day.opened()).isEqualTo(2));
        assertThat(kpis.days()).filteredOn(day -> day.date().equals(LocalDate.of(2031, 3, 25)))
                .singleElement().satisfies(day -> assertThat(day.closed()).isEqualTo(1));
        // weeks: Monday first; 2031-03-02 is a Sunday, so A and B fall in the week of Monday 2031-02-24
        assertThat(kpis.weeks().get(0).monday()).isEqualTo(LocalDate.of(2031, 2, 24));
        assertThat(kpis.weeks().get(0).week()).isEqualTo("2031-W09");
        assertThat(kpis.weeks().get(0).opened()).isEqualTo(2);
        assertThat(kpis.weeks().stream().mapToLong(Kpis.Week::opened).sum()).isEqualTo(6);
        assertThat(kpis.weeks().stream().mapToLong(Kpis.Week::closed).sum()).isEqualTo(4);

        // decided: A 48 h, B 120 h, D 456 h (late), C 528 h (in time after its extension); F withdrew
        assertThat(kpis.decisions()).isEqualTo(new Kpis.Decisions(4, 4, 3, 0.75, 120L, 528L));
        assertThat(kpis.deadlines()).isEqualTo(new Kpis.Deadlines(6, 1, 1, 1, 1));
        assertThat(kpis.settlements()).containsExactly(new Kpis.Settlement("REFUND", 1, 1, new BigDecimal("120.50")));
        assertThat(kpis.amountPaid()).isEqualByComparingTo("120.50");
        assertThat(kpis.satisfaction()).isEqualTo(new Kpis.Satisfaction(4, 2, 0.5, 4.0, Map.of(3, 1L, 5, 1L)));
        assertThat(kpis.closedByOutcome()).containsOnly(Map.entry("RESOLVED_MONETARY", 1L), Map.entry("EXPLAINED", 1L),
                Map.entry("RESOLVED_NON_MONETARY", 1L), Map.entry("WITHDRAWN", 1L));

        // the referral and the legal case: received and opened in March, both still open
        assertThat(kpis.external().referralsReceived()).isEqualTo(1);
        assertThat(kpis.external().legalCasesOpened()).isEqualTo(1);
        assertThat(kpis.external().referralsConcluded()).isZero();
        assertThat(kpis.external().referralsOpen() - before.external().referralsOpen()).isEqualTo(1);
        assertThat(kpis.external().legalCasesOpen() - before.external().legalCasesOpen()).isEqualTo(1);

        // open now: D (final response issued, breached) and E
        assertThat(kpis.open().total() - before.open().total()).isEqualTo(2);
        assertThat(kpis.open().breached() - before.open().breached()).isEqualTo(1);
        assertThat(delta(kpis.open().byDepartment(), before.open().byDepartment(), "technical-support")).isEqualTo(1);
        assertThat(delta(kpis.open().byDepartment(), before.open().byDepartment(), "compliance-legal")).isEqualTo(1);
        assertThat(delta(kpis.open().byStage(), before.open().byStage(), "UNDER_INVESTIGATION")).isEqualTo(1);
        assertThat(delta(kpis.open().byStage(), before.open().byStage(), "FINAL_RESPONSE_ISSUED")).isEqualTo(1);
        assertThat(delta(kpis.open().byPriority(), before.open().byPriority(), "HIGH")).isEqualTo(2);
        assertThat(delta(kpis.open().byCategory(), before.open().byCategory(), "TECHNICAL_FAULT")).isEqualTo(1);
    }

    /**
     * The daily pre-aggregate (kpi_day) gives the figures the complaint rows give: the same KPIs before the seeded
     * closed complaints are rolled up (all live) and after, with and without filters; and a complaint taken out of it
     * before its removal (what the retention cleanup does) leaves the figures of the others.
     */
    @Test
    void theDailyPreAggregateGivesTheFiguresOfTheComplaintRows() {
        List<ReportFilter> filters = List.of(march2031(),
                ReportFilter.parse("2031-03-01", "2031-03-31", null, "FEE_DISPUTE", "WALK_IN", TODAY),
                ReportFilter.parse("2031-03-01", "2031-03-31", "technical-support", null, null, TODAY));
        List<List<Object>> before = filters.stream().map(queries::kpis).map(KpiQueriesTest::ofThePeriod).toList();
        seeded = new SeededComplaints(jdbc);
        seedMarch(seeded);
        String seededClosed = "select count(*) from complaint where status = 'CLOSED' and registered_at >= timestamp with time zone"
                + " '2031-03-01 00:00:00+08' and registered_at < timestamp with time zone '2031-04-01 00:00:00+08' and kpi_batch is null";
        assertThat(jdbc.queryForObject(seededClosed, Long.class)).isEqualTo(4);
        List<List<Object>> live = filters.stream().map(queries::figures).map(KpiQueriesTest::ofThePeriod).toList();

        List<Kpis> rolled = filters.stream().map(queries::kpis).toList();
        assertThat(jdbc.queryForObject(seededClosed, Long.class)).as("rolled up").isZero();
        assertThat(rolled.stream().map(KpiQueriesTest::ofThePeriod).toList()).isEqualTo(live).isNotEqualTo(before);
        assertThat(rolled.get(0).closed()).isEqualTo(4);
        assertThat(rolled.get(0).decisions()).isEqualTo(new Kpis.Decisions(4, 4, 3, 0.75, 120L, 528L));

        seeded.deleteAll();
        assertThat(filters.stream().map(queries::kpis).map(KpiQueriesTest::ofThePeriod).toList()).isEqualTo(before);
    }

    /**
     * A KPI request never waits for a catch-up another node or the schedule is running (it holds kpi_rollup's row):
     * it goes on with the complaints not taken yet in the live part, same figures; the next catch-up takes them.
     */
    @Test
    void aKpiRequestDoesNotWaitForACatchUpInProgress() throws Exception {
        String notTaken = "select count(*) from complaint where status = 'CLOSED' and kpi_batch is null and registered_at >= timestamp"
                + " with time zone '2031-03-01 00:00:00+08' and registered_at < timestamp with time zone '2031-04-01 00:00:00+08'";
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.executeQuery("select last_batch from kpi_rollup where id = 1 for update").close();
            }
            seeded = new SeededComplaints(jdbc);
            seedMarch(seeded);
            Kpis live = queries.figures(march2031());
            Kpis whileLocked = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> queries.kpis(march2031()));
            assertThat(ofThePeriod(whileLocked)).isEqualTo(ofThePeriod(live));
            assertThat(rollup.catchUp()).as("nothing taken while another catch-up holds the lock").isZero();
            assertThat(jdbc.queryForObject(notTaken, Long.class)).isEqualTo(4);
            other.rollback();
            assertThat(rollup.catchUp()).isGreaterThanOrEqualTo(4);
            assertThat(jdbc.queryForObject(notTaken, Long.class)).isZero();
            assertThat(ofThePeriod(queries.kpis(march2031()))).isEqualTo(ofThePeriod(live));
        }
    }

    /** The figures of the period (what is open now is left out: the engine may move other tests' complaints meanwhile). */
    private static List<Object> ofThePeriod(Kpis kpis) {
        return List.of(kpis.days(), kpis.weeks(), kpis.decisions(), kpis.deadlines(), kpis.settlements(), kpis.satisfaction(),
                kpis.closedByOutcome());
    }

    @Test
    void filtersNarrowByDepartmentAndCategory() {
        seeded = new SeededComplaints(jdbc);
        seedMarch(seeded);
        Kpis fees = queries.kpis(ReportFilter.parse("2031-03-01", "2031-03-31", null, "FEE_DISPUTE", "WALK_IN", TODAY));
        assertThat(fees.opened()).isEqualTo(2);
        assertThat(fees.decisions()).isEqualTo(new Kpis.Decisions(2, 2, 1, 0.5, 48L, 456L));
        Kpis technical = queries.kpis(ReportFilter.parse("2031-03-01", "2031-03-31", "technical-support", null, "WALK_IN", TODAY));
        assertThat(technical.opened()).isEqualTo(2);
        assertThat(technical.settlements()).isEmpty();
        Kpis online = queries.kpis(ReportFilter.parse("2031-03-01", "2031-03-31", null, null, "ONLINE", TODAY));
        assertThat(online.opened()).isZero();
    }

    @Test
    void theStatisticsAndTheRegisterAddUpToTheKpis() {
        seeded = new SeededComplaints(jdbc);
        seedMarch(seeded);
        ReportFilter march = march2031();
        Kpis kpis = queries.kpis(march);

        ReportTable register = reports.register(march);
        int paid = RegulatorReports.REGISTER_HEADERS.indexOf("已支付金额 Amount paid");
        int closedAt = RegulatorReports.REGISTER_HEADERS.indexOf("结案时间 Closed at");
        int inTime = RegulatorReports.REGISTER_HEADERS.indexOf("按时决定 Decided in time");
        assertThat(register.rows()).hasSize((int) kpis.opened());
        assertThat(register.rows().stream().filter(row -> row.get(closedAt) != null).count()).isEqualTo(kpis.closed());
        assertThat(register.rows().stream().map(row -> (BigDecimal) row.get(paid)).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(kpis.amountPaid());
        assertThat(register.rows().stream().filter(row -> Boolean.TRUE.equals(row.get(inTime))).count()).isEqualTo(kpis.decisions().inTime());
        assertThat(register.rows()).allSatisfy(row -> assertThat(row).hasSameSizeAs(RegulatorReports.REGISTER_HEADERS));

        ReportTable statistics = reports.statistics(march);
        List<Object> total = statistics.rows().get(statistics.rows().size() - 1);
        List<String> headers = statistics.headers();
        assertThat(total.get(1)).isEqualTo("合计 Total");
        assertThat(total.get(headers.indexOf("受理 Received"))).isEqualTo(kpis.opened());
        assertThat(total.get(headers.indexOf("办结 Closed"))).isEqualTo(kpis.closed());
        assertThat((long) total.get(headers.indexOf("按时决定 Decided in time")) + (long) total.get(headers.indexOf("逾期决定 Decided late")))
                .isEqualTo(kpis.decisions().withDeadline());
        long receivedInRows = statistics.rows().subList(0, statistics.rows().size() - 1).stream()
                .mapToLong(row -> (long) row.get(headers.indexOf("受理 Received"))).sum();
        assertThat(receivedInRows).isEqualTo(kpis.opened());
        assertThat(headers).allMatch(header -> header.codePointAt(0) > 0x2E80, "every header begins in Chinese");

        // the files: a CSV line per row plus the header, and an XLSX workbook
        String csv = new String(ReportFiles.csv(register), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(register.rows().size() + 1);
        assertThat(csv).startsWith("\uFEFF投诉编号 Complaint number,").doesNotContain("seeded for a reporting test");
        byte[] xlsx = ReportFiles.xlsx(statistics);
        assertThat(xlsx).startsWith(0x50, 0x4B); // a ZIP (OOXML) file
    }

    @Test
    void aMonthOrAQuarterNamesThePeriod() {
        assertThat(RegulatorReports.filter("2031-02", null, null, null, null, null, TODAY))
                .extracting(ReportFilter::from, ReportFilter::to).containsExactly(LocalDate.of(2031, 2, 1), LocalDate.of(2031, 2, 28));
        assertThat(RegulatorReports.filter("2031-Q4", null, null, null, null, null, TODAY))
                .extracting(ReportFilter::from, ReportFilter::to).containsExactly(LocalDate.of(2031, 10, 1), LocalDate.of(2031, 12, 31));
        assertThatThrownBy(() -> RegulatorReports.filter("2031-13", null, null, null, null, null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("period"));
        assertThatThrownBy(() -> ReportFilter.parse("2031-03-05", "2031-03-01", "sales", "NOPE", "FAX", TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getErrors()).extracting(InvalidInputException.FieldError::field)
                        .containsExactly("from", "department", "category", "channel"));
        assertThat(at("2031-03-02T10:00")).isEqualTo(java.time.Instant.parse("2031-03-02T02:00:00Z"));
    }

    private static long delta(Map<String, Long> after, Map<String, Long> before, String key) {
        return after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L);
    }
}
