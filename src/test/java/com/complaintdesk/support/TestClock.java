package com.complaintdesk.support;

import com.complaintdesk.shared.BusinessTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in the Spring tests: the system clock in Asia/Shanghai, as in production, until a test whose
 * expectations are dates pins it. {@link #pinAt} pins this clock and the engine's (ClockUtil) to the same instant, so
 * both the record's dates and the engine's task and timer dates count from it; {@link #release} (in @AfterEach) gives
 * both back to the system. The tests of the shared context run one after another, so a pin lasts one test.
 */
public class TestClock extends Clock {

    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    /** Pins this clock and the engine's to a local date-time in Asia/Shanghai; answers the instant. */
    public Instant pinAt(String shanghaiLocalDateTime) {
        Instant instant = LocalDateTime.parse(shanghaiLocalDateTime).atZone(BusinessTime.ZONE).toInstant();
        pinned.set(instant);
        ClockUtil.setCurrentTime(Date.from(instant));
        return instant;
    }

    /** Back to the system clock, for this clock and the engine's. */
    public void release() {
        pinned.set(null);
        ClockUtil.reset();
    }

    @Override
    public ZoneId getZone() {
        return BusinessTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(BusinessTime.ZONE)) {
            return this;
        }
        TestClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant at = pinned.get();
        return at != null ? at : Instant.now();
    }

    /** Puts the test clock in place of the application's (config/ClockConfiguration). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
