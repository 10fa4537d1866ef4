package com.complaintdesk.complaint;

/** What a complaint is about; the DMN table complaint-routing maps each to a department. */
public enum Category implements Labelled {
    TECHNICAL_FAULT("技术故障", "Technical fault"),
    FEE_DISPUTE("手续费争议", "Fee dispute"),
    APPLICATION_PROCESS("申请流程", "Application process"),
    BRAND_MARKETING("品牌与市场", "Brand and marketing"),
    PRODUCT_QUALITY("产品质量", "Product quality"),
    SERVICE_QUALITY("服务质量", "Service quality"),
    COMPLIANCE("合规问题", "Compliance"),
    OTHER("其他", "Other");

    private final String zh;
    private final String en;

    Category(String zh, String en) {
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
