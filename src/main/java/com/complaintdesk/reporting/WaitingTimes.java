package com.complaintdesk.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where complaints wait, for the diagram overlay: per activity of a process (every version of its key, as activity ids
 * stay across versions), how many instances wait there now, and the median and 90th percentile of how long the
 * activity took for those that left it in the period. Two aggregated queries on the engine's activity history
 * (ACT_HI_ACTINST, history level full): one row per activity, never one per instance. The percentiles are
 * PERCENTILE_DISC (nearest rank), which PostgreSQL and H2 both compute.
 */
@Service
public class WaitingTimes {

    /** Where a process instance can wait; gateways, start and end events pass at once and are left out. */
    static final List<String> WAITING_TYPES = List.of("userTask", "receiveTask", "callActivity", "serviceTask", "sendTask",
            "businessRuleTask", "intermediateTimer", "intermediateMessageCatch", "intermediateSignalCatch", "intermediateConditional",
            "subProcess");

    public record Activity(String activityId, long open, long completed, Long medianMillis, Long p90Millis, double heat) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    WaitingTimes(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The activities of process {@code processDefinitionKey}; {@code heat} is 0 (coolest) to 1 (hottest), by median
     * waiting time relative to the slowest activity, or by open count where nothing completed.
     */
    @Transactional(readOnly = true)
    public List<Activity> of(String processDefinitionKey, ReportFilter period) {
        Map<String, Object> params = new java.util.HashMap<>(period.parameters());
        params.put("key", processDefinitionKey);
        params.put("types", WAITING_TYPES);
        Map<String, long[]> open = new TreeMap<>();
        jdbc.query("select a.ACT_ID_ as act, count(*) as n from ACT_HI_ACTINST a where a.PROC_DEF_KEY_ = :key"
                        + " and a.END_TIME_ is null and a.ACT_TYPE_ in (:types) group by a.ACT_ID_",
                params, rs -> {
                    open.put(rs.getString("act"), new long[] {rs.getLong("n")});
                });
        Map<String, Long[]> done = new TreeMap<>();
        jdbc.query("select a.ACT_ID_ as act, count(*) as n,"
                        + " percentile_disc(0.5) within group (order by a.DURATION_) as p50,"
                        + " percentile_disc(0.9) within group (order by a.DURATION_) as p90"
                        + " from ACT_HI_ACTINST a where a.PROC_DEF_KEY_ = :key and a.END_TIME_ >= :start and a.END_TIME_ < :end"
                        + " and a.DURATION_ is not null and a.ACT_TYPE_ in (:types) group by a.ACT_ID_",
                params, rs -> {
                    done.put(rs.getString("act"), new Long[] {rs.getLong("n"), rs.getLong("p50"), rs.getLong("p90")});
                });
        long slowest = done.values().stream().mapToLong(v -> v[1]).max().orElse(0);
        long busiest = open.values().stream().mapToLong(v -> v[0]).max().orElse(0);
        java.util.Set<String> ids = new java.util.TreeSet<>(open.keySet());
        ids.addAll(done.keySet());
        List<Activity> result = new ArrayList<>();
        for (String id : ids) {
            long openCount = open.getOrDefault(id, new long[] {0})[0];
            Long[] stats = done.get(id);
            double heat = stats != null && slowest > 0 ? (double) stats[1] / slowest
                    : busiest > 0 ? (double) openCount / busiest : 0;
            result.add(new Activity(id, openCount, stats == null ? 0 : stats[0], stats == null ? null : stats[1],
                    stats == null ? null : stats[2], Math.round(heat * 100) / 100.0));
        }
        return result;
    }
}
