package com.complaintdesk.complaint;

/** How a complaint reached us. */
public enum Channel implements Labelled {
    HOTLINE("热线电话", "Hotline"),
    ONLINE("线上", "Online"),
    WALK_IN("到访", "Walk-in"),
    REGULATOR("监管转办", "Regulator");

    private final String zh;
    private final String en;

    Channel(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }
}
