package com.complaintdesk.complaint;

/** How a complaint reached us. */
public enum Channel {
    HOTLINE("热线电话 Hotline"),
    ONLINE("线上 Online"),
    WALK_IN("到访 Walk-in"),
    REGULATOR("监管转办 Regulator");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    /** What staff read, Chinese first: "热线电话 Hotline". */
    public String label() {
        return label;
    }
}
