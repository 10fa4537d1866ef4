package com.complaintdesk.benchmark;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/** Runs {@code count} calls from {@code clients} threads: throughput, latency percentiles and failed calls. */
record Load(int count, int clients, double seconds, long[] latenciesNanos, int errors, String firstError) {

    /** Each call gets its index and answers whether it succeeded. */
    static Load run(int count, int clients, IntPredicate call) {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        String[] firstError = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try {
            Future<?>[] workers = new Future<?>[clients];
            for (int c = 0; c < clients; c++) {
                workers[c] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            ok = call.test(i);
                        } catch (RuntimeException e) {
                            ok = false;
                            synchronized (firstError) {
                                if (firstError[0] == null) {
                                    firstError[0] = e.toString();
                                }
                            }
                        }
                        latencies[i] = System.nanoTime() - start;
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                });
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return new Load(count, clients, (System.nanoTime() - t0) / 1e9, latencies, errors.get(), firstError[0]);
    }

    double perSecond() {
        return count / seconds;
    }

    /** Calls that succeeded, per second. */
    double okPerSecond() {
        return (count - errors) / seconds;
    }

    double percentileMillis(double p) {
        return percentile(latenciesNanos, p) / 1e6;
    }

    static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    double meanMillis() {
        return Arrays.stream(latenciesNanos).average().orElse(0) / 1e6;
    }
}
