package com.complaintdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.shared.BusinessTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.SimpleStatusAggregator;
import org.springframework.boot.actuate.health.Status;

/** Health component businessCalendar: UP with this year's and next year's file, WARNING without, overall still UP. */
class BusinessCalendarHealthIndicatorTest {

    private static final ZoneId SHANGHAI = BusinessTime.ZONE;

    private static BusinessCalendarHealthIndicator at(String instant, Map<Integer, BusinessCalendar.Year> years) {
        return new BusinessCalendarHealthIndicator(new BusinessCalendar(Clock.fixed(Instant.parse(instant), SHANGHAI), years));
    }

    private static BusinessCalendar.Year year(int year) {
        return new BusinessCalendar.Year(year, "test", java.util.Set.of(), java.util.Set.of());
    }

    @Test
    void upWhenTheCurrentAndTheNextYearHaveFiles() {
        Health health = at("2026-06-01T00:00:00Z", Map.of(2026, year(2026), 2027, year(2027))).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("coveredYears", java.util.Set.of(2026, 2027))
                .doesNotContainKey("missingYears");
    }

    @Test
    void warningNamingTheMissingYear() {
        Health health = at("2026-11-26T02:00:00Z", Map.of(2026, year(2026))).health();

        assertThat(health.getStatus().getCode()).isEqualTo("WARNING");
        assertThat(health.getDetails()).containsEntry("missingYears", List.of(2027));
        assertThat(health.getDetails().get("effect").toString()).contains("weekends only");
    }

    @Test
    void warningForTheCurrentYearToo() {
        Health health = at("2027-01-04T02:00:00Z", Map.of(2026, year(2026))).health();

        assertThat(health.getDetails()).containsEntry("missingYears", List.of(2027, 2028));
    }

    @Test
    void warningRanksBelowUpWithTheConfiguredOrder() {
        // management.endpoint.health.status.order in application.yaml
        SimpleStatusAggregator aggregator = new SimpleStatusAggregator("down", "out-of-service", "up", "warning", "unknown");

        assertThat(aggregator.getAggregateStatus(Status.UP, BusinessCalendarHealthIndicator.WARNING)).isEqualTo(Status.UP);
        assertThat(aggregator.getAggregateStatus(Status.DOWN, BusinessCalendarHealthIndicator.WARNING)).isEqualTo(Status.DOWN);
    }
}
