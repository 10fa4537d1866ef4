package com.complaintdesk.settlement;

import com.complaintdesk.complaint.Labelled;

/**
 * What we offer to put things right: its kind (which step of settlement-execution carries it out, and whether it moves
 * money) and its words, defined here once. Gateway_Remedy, the settlement-approval table and the forms are checked
 * against this enum by RemedyDefinitionTest and EnumLabelsInFormsTest: a new remedy is one constant here plus its
 * execution step, and those tests name what else is missing.
 */
public enum Remedy implements Labelled {
    REFUND(Kind.PAYMENT, "退款", "Refund"),
    FEE_ADJUSTMENT(Kind.PAYMENT, "手续费调整及退还", "Fee adjustment"),
    COMPENSATION(Kind.PAYMENT, "赔偿", "Compensation"),
    REPAIR(Kind.DEVICE_SERVICE, "维修", "Repair"),
    REPLACEMENT(Kind.DEVICE_SERVICE, "更换终端", "Replacement terminal"),
    EXPLANATION(Kind.STATEMENT, "书面解释", "Written explanation"),
    APOLOGY(Kind.STATEMENT, "书面致歉", "Written apology");

    /** How a remedy is carried out: the branches of Gateway_Remedy in settlement-execution. */
    public enum Kind {
        /** Money paid to the merchant (Task_PayRemedy); above the handler's limit it needs approval. */
        PAYMENT,
        /** A repair or a replacement terminal (Task_OrderDeviceService): no payment, but a value approval may weigh. */
        DEVICE_SERVICE,
        /** A letter (Task_IssueStatement): no money, no approval. */
        STATEMENT
    }

    private final Kind kind;
    private final String zh;
    private final String en;

    Remedy(Kind kind, String zh, String en) {
        this.kind = kind;
        this.zh = zh;
        this.en = en;
    }

    public Kind kind() {
        return kind;
    }

    /** Moves money to the merchant. */
    public boolean isMonetary() {
        return kind == Kind.PAYMENT;
    }

    /** A repair or a replacement terminal: no payment, but a value (the device's, the repair's cost) that approval weighs. */
    public boolean isDeviceService() {
        return kind == Kind.DEVICE_SERVICE;
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
