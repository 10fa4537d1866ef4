package com.complaintdesk.reporting;

import java.util.Map;
import java.util.NavigableMap;

/** Percentiles of a histogram (value to how often it occurs), nearest-rank: the smallest value with p of all at or below it. */
final class Percentiles {

    private Percentiles() {
    }

    static Long nearestRank(NavigableMap<Long, Long> histogram, double p) {
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (Map.Entry<Long, Long> bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return bucket.getKey();
            }
        }
        return histogram.lastKey();
    }
}
