package com.complaintdesk.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The complaint-handling KPIs of a period (see {@link KpiQueries}): what the Cockpit dashboard, /staff/reports/kpis
 * and the Prometheus gauges show. Keys of the maps are the codes (department group id, enum names); {@code labels}
 * gives what staff read for each, Chinese first with English beside.
 */
public record Kpis(ReportFilter filter,
                   Open open,
                   List<Day> days,
                   List<Week> weeks,
                   Decisions decisions,
                   Deadlines deadlines,
                   List<Settlement> settlements,
                   External external,
                   Satisfaction satisfaction,
                   Map<String, Long> closedByOutcome,
                   Map<String, String> labels) {

    /** Open now (whatever the period): by department, category, priority and stage (status); breached ones among them. */
    public record Open(long total, long breached, Map<String, Long> byDepartment, Map<String, Long> byCategory,
                       Map<String, Long> byPriority, Map<String, Long> byStage) {
    }

    public record Day(LocalDate date, long opened, long closed) {
    }

    /** An ISO week (Monday first): {@code week} reads "2026-W48". */
    public record Week(String week, LocalDate monday, long opened, long closed) {
    }

    /**
     * Complaints decided in the period (final response or closure; withdrawn and duplicate ones are no decision):
     * how many, how many had a deadline and met it, and the median and 90th percentile of the time from registration
     * to decision, in hours (whole hours, nearest rank).
     */
    public record Decisions(long decided, long withDeadline, long inTime, Double inTimeShare, Long medianHours, Long p90Hours) {
    }

    /** Complaints registered in the period: extended, breached; escalated to a regulator or to court in the period. */
    public record Deadlines(long registered, long extended, long breached, long escalatedToRegulator, long escalatedToCourt) {
    }

    /** Settlements accepted in the period by remedy, and what was paid in the period for that remedy. */
    public record Settlement(String remedy, long accepted, long payments, BigDecimal amountPaid) {
    }

    /** Regulator referrals and legal cases: open now, received (opened) and concluded in the period. */
    public record External(long referralsOpen, long referralsReceived, long referralsConcluded,
                           long legalCasesOpen, long legalCasesOpened, long legalCasesConcluded) {
    }

    /** Of the complaints closed in the period: how many surveys came back, the average score (1-5), and each score. */
    public record Satisfaction(long closed, long responses, Double responseRate, Double averageScore, Map<Integer, Long> byScore) {
    }

    public long opened() {
        return days.stream().mapToLong(Day::opened).sum();
    }

    public long closed() {
        return days.stream().mapToLong(Day::closed).sum();
    }

    public BigDecimal amountPaid() {
        return settlements.stream().map(Settlement::amountPaid).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
