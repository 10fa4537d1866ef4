package com.complaintdesk.complaint;

/** Where a complaint stands; shown to staff and (later) to the merchant. */
public enum ComplaintStatus implements Labelled {
    REGISTERED("已登记", "Registered"),
    AWAITING_EVIDENCE("等待补充证据", "Awaiting evidence"),
    UNDER_INVESTIGATION("调查处理中", "Under investigation"),
    AWAITING_APPROVAL("等待审批", "Awaiting approval"),
    AWAITING_COMPLAINANT("等待投诉人答复", "Awaiting the complainant"),
    SETTLEMENT_AGREED("已达成和解", "Settlement agreed"),
    SETTLEMENT_EXECUTED("和解已执行", "Settlement carried out"),
    FINAL_RESPONSE_ISSUED("已出具最终答复", "Final response issued"),
    IN_LEGAL_PROCEEDINGS("法律程序中", "In legal proceedings"),
    CLOSED("已结案", "Closed");

    private final String zh;
    private final String en;

    ComplaintStatus(String zh, String en) {
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
