package com.complaintdesk.deadline;

import java.util.List;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component {@code businessCalendar}: UP while the working-day calendar has a file for the current year and
 * the next, WARNING when one is missing (deadlines in that year count weekends only). WARNING is ordered after UP and
 * answered with HTTP 200 (management.endpoint.health.status in application.yaml), so the node stays healthy and ready:
 * the calendar needs an operator, not a restart. Details (the covered and the missing years) are never shown over
 * HTTP; the start-up log names them.
 */
@Component
class BusinessCalendarHealthIndicator implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "No working-day calendar for the current or the next year");

    private final BusinessCalendar calendar;

    BusinessCalendarHealthIndicator(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Health health() {
        List<Integer> missing = calendar.missingYears();
        Health.Builder health = missing.isEmpty() ? Health.up() : Health.status(WARNING)
                .withDetail("missingYears", missing)
                .withDetail("effect", "deadlines in the missing years count weekends only: public holidays and make-up "
                        + "working days are ignored; add calendar/cn-YYYY.yaml from the State Council's notice");
        return health.withDetail("coveredYears", calendar.coveredYears()).build();
    }
}
