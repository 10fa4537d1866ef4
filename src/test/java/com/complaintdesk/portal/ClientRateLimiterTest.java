package com.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The rate limit as a unit, on a clock the test moves: the shared Spring context runs with a generous limit. */
class ClientRateLimiterTest {

    /** A clock that only moves when told. */
    static final class ManualClock implements TimeMeter {
        long nanos = 1_000_000_000L;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
    }

    @Test
    void eachAddressGetsItsOwnBucketRefilledEvenlyOverAMinute() {
        ManualClock clock = new ManualClock();
        ClientRateLimiter limiter = new ClientRateLimiter(3, clock);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryRequest("203.0.113.7").allowed()).isTrue();
        }
        ClientRateLimiter.Decision refused = limiter.tryRequest("203.0.113.7");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        assertThat(limiter.tryRequest("198.51.100.1").allowed()).as("another address").isTrue();

        clock.advance(Duration.ofSeconds(20));
        assertThat(limiter.tryRequest("203.0.113.7").allowed()).as("one token back after 20 s").isTrue();
        assertThat(limiter.tryRequest("203.0.113.7").allowed()).isFalse();
    }

    @Test
    void idleAddressesAreForgotten() {
        ManualClock clock = new ManualClock();
        ClientRateLimiter limiter = new ClientRateLimiter(10, clock);
        limiter.tryRequest("203.0.113.7");
        limiter.tryRequest("198.51.100.1");
        assertThat(limiter.trackedClients()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(2));
        limiter.tryRequest("192.0.2.9");
        assertThat(limiter.trackedClients()).isOne();
    }

    @Test
    void theFilterAnswers429ProblemWithRetryAfterAndBelievesXForwardedForOnlyFromATrustedProxy() throws Exception {
        ManualClock clock = new ManualClock();
        RateLimitFilter untrusting = new RateLimitFilter(new ClientRateLimiter(1, clock), List.of());
        assertThat(send(untrusting, "203.0.113.7", "198.51.100.1").getStatus()).isEqualTo(200);
        MockHttpServletResponse refused = send(untrusting, "203.0.113.7", "198.51.100.2");
        assertThat(refused.getStatus()).as("X-Forwarded-For is not believed: same connection address").isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).contains("\"status\":429", "Too many requests");

        RateLimitFilter behindProxy = new RateLimitFilter(new ClientRateLimiter(1, clock), List.of("10.0.0.5"));
        assertThat(send(behindProxy, "10.0.0.5", "198.51.100.1").getStatus()).isEqualTo(200);
        assertThat(send(behindProxy, "10.0.0.5", "198.51.100.2").getStatus()).as("another client behind the proxy").isEqualTo(200);
        assertThat(send(behindProxy, "10.0.0.5", "evil, 198.51.100.1").getStatus()).as("the proxy's own entry counts, not a forged one")
                .isEqualTo(429);
        assertThat(behindProxy.clientAddress(request("203.0.113.9", "198.51.100.3"))).as("not from the proxy").isEqualTo("203.0.113.9");
    }

    private static MockHttpServletResponse send(RateLimitFilter filter, String remote, String forwardedFor) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(remote, forwardedFor), response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/complaints/CP-20260101-000001");
        request.setRemoteAddr(remote);
        request.addHeader("X-Forwarded-For", forwardedFor);
        return request;
    }
}
