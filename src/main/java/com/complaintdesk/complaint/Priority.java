package com.complaintdesk.complaint;

/**
 * How urgent a complaint is, as the DMN table complaint-routing decides; the engine priority its tasks get, which
 * Tasklist sorts by.
 */
public enum Priority {
    HIGH("高 High", 75),
    NORMAL("中 Medium", 50),
    LOW("低 Low", 25);

    private final String label;
    private final int taskPriority;

    Priority(String label, int taskPriority) {
        this.label = label;
        this.taskPriority = taskPriority;
    }

    /** What staff read, Chinese first: "高 High". */
    public String label() {
        return label;
    }

    /** The engine's task priority (its default is 50). */
    public int taskPriority() {
        return taskPriority;
    }
}
