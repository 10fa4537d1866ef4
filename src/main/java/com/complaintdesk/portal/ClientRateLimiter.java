package com.complaintdesk.portal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket (Bucket4j) per client address: up to N requests a minute, refilled evenly, with a burst of N.
 * Buckets of addresses idle for longer than a refill are dropped (they would be full again), checked at most
 * once a minute, so the map holds only recently active clients.
 */
class ClientRateLimiter {

    /** Whether the request may go on, and if not, in how many seconds the client may try again. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private record Entry(Bucket bucket, long lastSeenNanos) {
    }

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final int requestsPerMinute;
    private final TimeMeter clock;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweepNanos;

    ClientRateLimiter(int requestsPerMinute, TimeMeter clock) {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("complaint-desk.portal.rate-limit.requests-per-minute must be at least 1");
        }
        this.requestsPerMinute = requestsPerMinute;
        this.clock = clock;
        this.lastSweepNanos = clock.currentTimeNanos();
    }

    Decision tryRequest(String clientAddress) {
        long now = clock.currentTimeNanos();
        sweep(now);
        Entry entry = buckets.compute(clientAddress, (address, old) ->
                new Entry(old == null ? newBucket() : old.bucket(), now));
        ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, seconds);
    }

    int trackedClients() {
        return buckets.size();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(requestsPerMinute).refillGreedy(requestsPerMinute, Duration.ofMinutes(1)).build())
                .withCustomTimePrecision(clock)
                .build();
    }

    private void sweep(long now) {
        if (now - lastSweepNanos < MINUTE_NANOS) {
            return;
        }
        lastSweepNanos = now;
        buckets.entrySet().removeIf(e -> now - e.getValue().lastSeenNanos() > MINUTE_NANOS);
    }
}
