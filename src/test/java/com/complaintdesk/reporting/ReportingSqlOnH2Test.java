package com.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.MigratedH2;
import com.complaintdesk.support.SeededComplaints;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The reporting SQL on H2 2.x, the embedded database of `mvn spring-boot:run` (the Spring tests run it on PostgreSQL):
 * the same seeded month gives the same KPIs and reports, and the waiting-time percentiles (PERCENTILE_DISC) work.
 */
class ReportingSqlOnH2Test {

    @Test
    void theKpisAndReportsComputeOnH2() {
        DriverManagerDataSource dataSource = MigratedH2.create("reporting");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
        KpiQueriesTest.seedMarch(new SeededComplaints(jdbc));

        KpiQueries queries = new KpiQueries(named, new KpiRollup(named, new DataSourceTransactionManager(dataSource)));
        Kpis live = queries.figures(KpiQueriesTest.march2031());
        Kpis kpis = queries.kpis(KpiQueriesTest.march2031());
        assertThat(jdbc.queryForObject("select count(*) from complaint where kpi_batch is not null", Long.class)).isEqualTo(4);
        assertThat(kpis).as("the same figures from the daily pre-aggregate as from the complaints").isEqualTo(live);
        assertThat(kpis.opened()).isEqualTo(6);
        assertThat(kpis.closed()).isEqualTo(4);
        assertThat(kpis.decisions()).isEqualTo(new Kpis.Decisions(4, 4, 3, 0.75, 120L, 528L));
        assertThat(kpis.deadlines()).isEqualTo(new Kpis.Deadlines(6, 1, 1, 1, 1));
        assertThat(kpis.open().total()).isEqualTo(2);
        assertThat(kpis.open().byDepartment()).containsOnly(Map.entry("technical-support", 1L), Map.entry("compliance-legal", 1L));
        assertThat(kpis.settlements()).containsExactly(new Kpis.Settlement("REFUND", 1, 1, new BigDecimal("120.50")));
        assertThat(kpis.satisfaction().averageScore()).isEqualTo(4.0);
        assertThat(kpis.external()).isEqualTo(new Kpis.External(1, 1, 0, 1, 1, 0));

        RegulatorReports reports = new RegulatorReports(named);
        assertThat(reports.register(KpiQueriesTest.march2031()).rows()).hasSize(6);
        assertThat(reports.statistics(KpiQueriesTest.march2031()).rows()).last().satisfies(total -> assertThat(total.get(3)).isEqualTo(6L));

        // the engine's activity history, as far as the waiting-time query reads it
        jdbc.execute("create table ACT_HI_ACTINST (ID_ varchar(64), PROC_DEF_KEY_ varchar(255), ACT_ID_ varchar(255), ACT_TYPE_ varchar(255),"
                + " START_TIME_ timestamp, END_TIME_ timestamp, DURATION_ bigint)");
        for (long minutes : new long[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100}) {
            jdbc.update("insert into ACT_HI_ACTINST values (?, 'complaint-lifecycle', 'Task_TriageComplaint', 'userTask', ?, ?, ?)",
                    "t" + minutes, java.sql.Timestamp.from(SeededComplaints.at("2031-03-10T10:00")),
                    java.sql.Timestamp.from(SeededComplaints.at("2031-03-10T10:00").plusSeconds(minutes * 60)), minutes * 60_000);
        }
        jdbc.update("insert into ACT_HI_ACTINST values ('open', 'complaint-lifecycle', 'Task_DiagnoseFault', 'userTask', ?, null, null)",
                java.sql.Timestamp.from(SeededComplaints.at("2031-03-10T10:00")));
        assertThat(new WaitingTimes(named).of("complaint-lifecycle", KpiQueriesTest.march2031())).containsExactly(
                new WaitingTimes.Activity("Task_DiagnoseFault", 1, 0, null, null, 1.0),
                new WaitingTimes.Activity("Task_TriageComplaint", 0, 10, 50 * 60_000L, 90 * 60_000L, 1.0));
    }
}
