package com.complaintdesk.config;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed staff logins counted per client address (Bucket4j token buckets): at most {@code perAccount} failures for
 * one account and {@code perAddress} failures in all from one address, each refilled evenly over {@code window}.
 * An attempt takes a token from both before the password is checked, and gives them back when it was not a failed
 * login; so parallel attempts cannot slip past the count. With perAccount below the engine's per-account lockout
 * (loginMaxAttempts, 10) one address never locks an account within a window, and the engine's login delay after the
 * last failure it let through ends within a minute (loginDelayMaxTime), so the user gets in.
 */
class LoginThrottle {

    /** An attempt allowed (call {@link #notFailed} when it was not a failed login), or refused for some seconds. */
    final class Attempt {
        private final Bucket address;
        private final Bucket account;
        private final long retryAfterSeconds;

        private Attempt(Bucket address, Bucket account, long retryAfterSeconds) {
            this.address = address;
            this.account = account;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        boolean allowed() {
            return retryAfterSeconds == 0;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        /** The attempt was no failed login (right password, or no check at all): its tokens go back. */
        void notFailed() {
            if (allowed()) {
                address.addTokens(1);
                account.addTokens(1);
            }
        }
    }

    private record Entry(Bucket bucket, long lastSeenNanos) {
    }

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final TimeMeter clock;
    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweepNanos;

    LoginThrottle(int perAccount, int perAddress, Duration window, TimeMeter clock) {
        if (perAccount < 1 || perAddress < perAccount) {
            throw new IllegalArgumentException("complaint-desk.login: failures-per-account must be at least 1 and "
                    + "failures-per-address at least failures-per-account");
        }
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
        this.lastSweepNanos = clock.currentTimeNanos();
    }

    Attempt tryLogin(String address, String userId) {
        long now = clock.currentTimeNanos();
        sweep(now);
        Bucket byAddress = bucket(address, perAddress, now);
        Bucket byAccount = bucket(address + "\u0000" + userId.toLowerCase(java.util.Locale.ROOT), perAccount, now);
        ConsumptionProbe addressProbe = byAddress.tryConsumeAndReturnRemaining(1);
        if (!addressProbe.isConsumed()) {
            return new Attempt(byAddress, byAccount, seconds(addressProbe));
        }
        ConsumptionProbe accountProbe = byAccount.tryConsumeAndReturnRemaining(1);
        if (!accountProbe.isConsumed()) {
            byAddress.addTokens(1);
            return new Attempt(byAddress, byAccount, seconds(accountProbe));
        }
        return new Attempt(byAddress, byAccount, 0);
    }

    int trackedKeys() {
        return buckets.size();
    }

    private Bucket bucket(String key, int capacity, long now) {
        return buckets.compute(key, (k, old) -> new Entry(old == null ? newBucket(capacity) : old.bucket(), now)).bucket();
    }

    private Bucket newBucket(int capacity) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
                .withCustomTimePrecision(clock)
                .build();
    }

    private static long seconds(ConsumptionProbe probe) {
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    /** Drops the buckets of keys idle for longer than a window (they are full again), at most once a window. */
    private void sweep(long now) {
        long windowNanos = window.toNanos();
        if (now - lastSweepNanos < windowNanos) {
            return;
        }
        lastSweepNanos = now;
        buckets.entrySet().removeIf(e -> now - e.getValue().lastSeenNanos() > windowNanos);
    }
}
