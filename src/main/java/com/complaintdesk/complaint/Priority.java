package com.complaintdesk.complaint;

/**
 * How urgent a complaint is, as the DMN table complaint-routing decides; the engine priority its tasks get, which
 * Tasklist sorts by.
 */
public enum Priority implements Labelled {
    HIGH("高", "High", 75),
    NORMAL("中", "Medium", 50),
    LOW("低", "Low", 25);

    private final String zh;
    private final String en;
    private final int taskPriority;

    Priority(String zh, String en, int taskPriority) {
        this.zh = zh;
        this.en = en;
        this.taskPriority = taskPriority;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }

    /** The engine's task priority (its default is 50). */
    public int taskPriority() {
        return taskPriority;
    }
}
