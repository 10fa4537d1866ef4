package com.complaintdesk.referral;

import com.complaintdesk.complaint.Labelled;

/** The bodies that refer complaints to us. */
public enum Regulator implements Labelled {
    /** People's Bank of China, financial consumer hotline 12363 (payment services). */
    PBOC_12363("中国人民银行 12363", "PBoC 12363"),
    /** State Administration for Market Regulation, 12315 (products, prices, advertising). */
    SAMR_12315("市场监管 12315", "SAMR 12315"),
    /** National Financial Regulatory Administration. */
    NFRA("国家金融监督管理总局", "NFRA"),
    OTHER("其他监管机构", "Other regulator");

    private final String zh;
    private final String en;

    Regulator(String zh, String en) {
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
