package com.complaintdesk.complaint;

/** Why the complaint arose, recorded when a resolution is proposed and at closing. */
public enum RootCause implements Labelled {
    DEVICE_DEFECT("设备缺陷", "Device defect"),
    NETWORK_OR_SYSTEM("网络或系统", "Network or system"),
    FEE_CONFIGURATION("费率配置", "Fee configuration"),
    AGENT_MISCONDUCT("代理商违规", "Agent misconduct"),
    POLICY("公司政策", "Policy"),
    CUSTOMER_ERROR("客户操作失误", "Customer error"),
    OTHER("其他", "Other");

    private final String zh;
    private final String en;

    RootCause(String zh, String en) {
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
