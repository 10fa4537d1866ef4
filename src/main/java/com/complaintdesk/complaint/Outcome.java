package com.complaintdesk.complaint;

/** How a complaint was closed (modelled on CFPB closing codes and ISO 10002). */
public enum Outcome implements Labelled {
    RESOLVED_MONETARY("已解决（款项已支付）", "Resolved with a payment"),
    RESOLVED_NON_MONETARY("已解决（非金钱补救）", "Resolved, non-monetary remedy"),
    EXPLAINED("已书面解释", "Explained in writing"),
    REJECTED("未达成和解，已发最终答复", "Not settled; final response issued"),
    WITHDRAWN("已撤回", "Withdrawn"),
    DUPLICATE("重复投诉", "Duplicate of another complaint"),
    REFERRED_EXTERNAL("已转交外部机构", "Referred to an outside body"),
    /** Settled in court or before the arbitration commission (a mediation statement), then carried out. */
    LEGAL_SETTLED("经法院/仲裁调解解决并已履行", "Settled in court or arbitration, and carried out"),
    /** Ended by a judgment, ruling or award, complied with. */
    LEGAL_JUDGMENT("依判决/裁决结案", "Closed by a judgment or award");

    private final String zh;
    private final String en;

    Outcome(String zh, String en) {
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
