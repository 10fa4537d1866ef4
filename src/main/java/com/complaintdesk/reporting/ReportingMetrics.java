package com.complaintdesk.reporting;

import com.complaintdesk.shared.BusinessTime;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The operators' metrics at /actuator/prometheus: the KPIs of the last 30 days and what is open now (from
 * {@link KpiQueries}, computed at most once per {@link #CACHE} however often Prometheus scrapes), the engine's jobs and
 * incidents, and the notification outbox by status. The retention cleanup adds complaintdesk_retention_removed_total.
 */
@Component
class ReportingMetrics implements MeterBinder {

    static final Duration CACHE = Duration.ofSeconds(30);
    static final List<String> OUTBOX_STATUSES = List.of("PENDING", "SENT", "SENT_TO_LOG", "FAILED");

    private final KpiQueries kpis;
    private final NamedParameterJdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final Clock clock;

    private volatile Kpis cached;
    private volatile Instant cachedAt = Instant.MIN;
    private volatile Map<String, Long> outbox = Map.of();

    ReportingMetrics(KpiQueries kpis, NamedParameterJdbcTemplate jdbc, RuntimeService runtimeService, ManagementService managementService,
                     Clock clock) {
        this.kpis = kpis;
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        kpi(registry, "complaintdesk.complaints.open", "Complaints open now", k -> k.open().total());
        kpi(registry, "complaintdesk.complaints.open.breached", "Open complaints past their decision deadline", k -> k.open().breached());
        for (String department : com.complaintdesk.identity.Departments.ALL) {
            Gauge.builder("complaintdesk.complaints.open.department", this, m -> m.kpis().open().byDepartment().getOrDefault(department, 0L))
                    .tag("department", department).description("Complaints open now, by department").register(registry);
        }
        kpi(registry, "complaintdesk.complaints.opened.30d", "Complaints registered in the last 30 days", Kpis::opened);
        kpi(registry, "complaintdesk.complaints.closed.30d", "Complaints closed in the last 30 days", Kpis::closed);
        kpi(registry, "complaintdesk.decisions.in.time.ratio.30d", "Share of the last 30 days' decisions made within the deadline",
                k -> k.decisions().inTimeShare() == null ? Double.NaN : k.decisions().inTimeShare());
        kpi(registry, "complaintdesk.decisions.hours.median.30d", "Median hours from registration to decision (last 30 days)",
                k -> k.decisions().medianHours() == null ? Double.NaN : k.decisions().medianHours());
        kpi(registry, "complaintdesk.decisions.hours.p90.30d", "90th percentile hours from registration to decision (last 30 days)",
                k -> k.decisions().p90Hours() == null ? Double.NaN : k.decisions().p90Hours());
        kpi(registry, "complaintdesk.deadlines.breached.30d", "Complaints registered in the last 30 days that breached", k -> k.deadlines().breached());
        kpi(registry, "complaintdesk.deadlines.extended.30d", "Complaints registered in the last 30 days that were extended", k -> k.deadlines().extended());
        kpi(registry, "complaintdesk.settlements.paid.30d", "Amount paid in settlements in the last 30 days (CNY)", k -> k.amountPaid().doubleValue());
        kpi(registry, "complaintdesk.referrals.open", "Regulator referrals open now", k -> k.external().referralsOpen());
        kpi(registry, "complaintdesk.legal.cases.open", "Legal cases open now", k -> k.external().legalCasesOpen());
        kpi(registry, "complaintdesk.satisfaction.score.30d", "Average satisfaction score (1-5) of complaints closed in the last 30 days",
                k -> k.satisfaction().averageScore() == null ? Double.NaN : k.satisfaction().averageScore());
        kpi(registry, "complaintdesk.satisfaction.response.ratio.30d", "Survey response rate of complaints closed in the last 30 days",
                k -> k.satisfaction().responseRate() == null ? Double.NaN : k.satisfaction().responseRate());
        FunctionCounter.builder("complaintdesk.complaints.registered", this, m -> m.count("select count(*) from complaint"))
                .description("Complaints registered (kept records)").register(registry);

        for (String status : OUTBOX_STATUSES) {
            Gauge.builder("complaintdesk.outbox.messages", this, m -> m.outbox().getOrDefault(status, 0L)).tag("status", status)
                    .description("Notification outbox rows by status").register(registry);
        }
        Gauge.builder("complaintdesk.engine.incidents", runtimeService, r -> r.createIncidentQuery().count())
                .description("Open incidents in the process engine").register(registry);
        Gauge.builder("complaintdesk.engine.jobs.due", managementService, m -> m.createJobQuery().executable().count())
                .description("Jobs due now (waiting for the job executor)").register(registry);
        Gauge.builder("complaintdesk.engine.jobs.failed", managementService, m -> m.createJobQuery().noRetriesLeft().count())
                .description("Jobs whose retries are used up").register(registry);
        for (String metric : List.of(Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_ACQUISITION_ATTEMPT,
                Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_EXECUTION_REJECTED)) {
            FunctionCounter.builder("complaintdesk.engine.job.executor", managementService, m -> m.createMetricsQuery().name(metric).sum())
                    .tag("metric", metric).description("The engine's job executor metrics (reported by the engine every 15 minutes)")
                    .register(registry);
        }
    }

    private void kpi(MeterRegistry registry, String name, String description, ToDoubleFunction<Kpis> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.kpis())).description(description).register(registry);
    }

    /** The last 30 days' KPIs, computed again when older than {@link #CACHE}. */
    Kpis kpis() {
        Instant now = clock.instant();
        if (cached == null || cachedAt.plus(CACHE).isBefore(now)) {
            LocalDate today = LocalDate.ofInstant(now, BusinessTime.ZONE);
            cached = kpis.kpis(ReportFilter.parse(null, today.toString(), null, null, null, today));
            Map<String, Long> counts = new java.util.HashMap<>();
            jdbc.query("select status, count(*) as n from notification_outbox group by status", Map.of(),
                    rs -> {
                        counts.put(rs.getString("status"), rs.getLong("n"));
                    });
            outbox = counts;
            cachedAt = now;
        }
        return cached;
    }

    private Map<String, Long> outbox() {
        kpis();
        return outbox;
    }

    private double count(String sql) {
        Long n = jdbc.getJdbcTemplate().queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
