package com.complaintdesk.deadline;

import com.complaintdesk.complaint.Complaint;

/**
 * What the deadline table may look at: the complaint's channel, priority and category (names of the enumerations,
 * any of them null while unknown: the priority is only known after routing), and the complaint's process instance, whose
 * deployment holds the table (null: the latest table).
 */
record DeadlineFacts(String channel, String priority, String category, String processInstanceId) {

    DeadlineFacts(String channel, String priority, String category) {
        this(channel, priority, category, null);
    }

    static DeadlineFacts of(Complaint complaint) {
        return new DeadlineFacts(name(complaint.getChannel()), name(complaint.getPriority()), name(complaint.getCategory()),
                complaint.getProcessInstanceId());
    }

    /** The same facts, read by the complaint's process instance (whose deployment holds the deadline table it uses). */
    DeadlineFacts inInstance(String id) {
        return id == null ? this : new DeadlineFacts(channel, priority, category, id);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
