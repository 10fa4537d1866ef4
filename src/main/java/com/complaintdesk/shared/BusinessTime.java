package com.complaintdesk.shared;

import java.time.ZoneId;

/**
 * The desk's business time zone, China Standard Time: complaint numbers, deadlines, reports, letters and pages count
 * days and show times in Asia/Shanghai (UTC+8, no daylight saving since 1991), wherever the server runs.
 */
public final class BusinessTime {

    /** The zone's id, for annotations that need a constant (such as {@code @Scheduled(zone = ...)}). */
    public static final String ZONE_ID = "Asia/Shanghai";

    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private BusinessTime() {
    }
}
