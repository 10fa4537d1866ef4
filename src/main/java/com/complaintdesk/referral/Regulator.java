package com.complaintdesk.referral;

/** The bodies that refer complaints to us. */
public enum Regulator {
    /** People's Bank of China, financial consumer hotline 12363 (payment services). */
    PBOC_12363("中国人民银行 12363 PBoC 12363"),
    /** State Administration for Market Regulation, 12315 (products, prices, advertising). */
    SAMR_12315("市场监管 12315 SAMR 12315"),
    /** National Financial Regulatory Administration. */
    NFRA("国家金融监督管理总局 NFRA"),
    OTHER("其他监管机构 Other regulator");

    private final String label;

    Regulator(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
