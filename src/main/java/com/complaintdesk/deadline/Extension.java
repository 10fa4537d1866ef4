package com.complaintdesk.deadline;

import java.util.Date;

/**
 * An extension of a complaint's decision deadline, as granted by {@link DeadlineService#extend}: the deadline before
 * and after (java.util.Date, for the engine: move the breach timer to {@code newDueAt}), the days added now and in all.
 */
public record Extension(String complaintNumber, int extraDays, int extendedDaysInAll, String reason, Date oldDueAt,
                        Date newDueAt) {
}
