package com.complaintdesk.complaint;

/** How urgent a complaint is, as the DMN table complaint-routing decides. */
public enum Priority {
    HIGH("高 High"),
    NORMAL("中 Medium"),
    LOW("低 Low");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    /** What staff read, Chinese first: "高 High". */
    public String label() {
        return label;
    }
}
