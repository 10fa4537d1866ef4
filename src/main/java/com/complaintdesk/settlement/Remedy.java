package com.complaintdesk.settlement;

/** What we offer to put things right. */
public enum Remedy {
    REFUND(true), FEE_ADJUSTMENT(true), COMPENSATION(true), REPAIR(false), REPLACEMENT(false), EXPLANATION(false), APOLOGY(false);

    private final boolean monetary;

    Remedy(boolean monetary) {
        this.monetary = monetary;
    }

    public boolean isMonetary() {
        return monetary;
    }

    /** A repair or a replacement terminal: no payment, but a value (the device's, the repair's cost) that approval weighs. */
    public boolean isDeviceService() {
        return this == REPAIR || this == REPLACEMENT;
    }
}
