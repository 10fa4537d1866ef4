package com.complaintdesk.complaint;

/** How urgent a complaint is (the routing table decides); the engine priority its tasks get, which Tasklist sorts by. */
public enum Priority {
    HIGH(75), NORMAL(50), LOW(25);

    private final int taskPriority;

    Priority(int taskPriority) {
        this.taskPriority = taskPriority;
    }

    /** The engine's task priority (its default is 50). */
    public int taskPriority() {
        return taskPriority;
    }
}
