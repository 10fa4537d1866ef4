package com.complaintdesk.deadline;

import com.complaintdesk.complaint.Complaint;

/**
 * What the deadline table may look at: the complaint's channel, priority and category (names of the enumerations,
 * any of them null while unknown: the priority is only known after routing).
 */
record DeadlineFacts(String channel, String priority, String category) {

    static DeadlineFacts of(Complaint complaint) {
        return new DeadlineFacts(name(complaint.getChannel()), name(complaint.getPriority()), name(complaint.getCategory()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
