package com.complaintdesk.complaint;

/**
 * What exactly a complaint is about, under its {@link Category}: chosen at triage (forms/triage-complaint.form) and read
 * by the routing table (processes/complaint-routing.dmn). Its words are its own, shown after its category's:
 * "技术故障 · 无法开机 Technical fault · Won't power on". EnumLabelsInFormsTest and ComplaintRoutingDecisionTest hold the
 * form's options and the table's values to this enum.
 */
public enum SubCategory implements Labelled {
    WONT_POWER_ON(Category.TECHNICAL_FAULT, "无法开机", "won't power on"),
    CARD_READER(Category.TECHNICAL_FAULT, "读卡故障", "card reader"),
    PRINTER(Category.TECHNICAL_FAULT, "打印故障", "printer"),
    NETWORK(Category.TECHNICAL_FAULT, "网络/通讯故障", "network"),
    SYSTEM_CRASH(Category.TECHNICAL_FAULT, "系统崩溃/死机", "system crash"),
    RATE_RAISED_WITHOUT_NOTICE(Category.FEE_DISPUTE, "未经通知上调费率", "rate raised without notice"),
    MCC_SWITCHING(Category.FEE_DISPUTE, "跳码", "MCC switching"),
    HIDDEN_SERVICE_FEE(Category.FEE_DISPUTE, "隐藏服务费", "hidden service fee"),
    DEPOSIT_NOT_REFUNDED(Category.FEE_DISPUTE, "押金未退还", "deposit not refunded"),
    CONTRACT_RATE_NOT_APPLIED(Category.FEE_DISPUTE, "未按合同费率收费", "contracted rate not applied"),
    APPLICATION_DELAYED(Category.APPLICATION_PROCESS, "申请办理延误", "application delayed"),
    DOCUMENTS_REJECTED(Category.APPLICATION_PROCESS, "资料被驳回", "documents rejected"),
    ACTIVATION_PROBLEM(Category.APPLICATION_PROCESS, "激活问题", "activation problem"),
    BRAND_IMPERSONATION(Category.BRAND_MARKETING, "冒用品牌", "brand impersonation"),
    MISLEADING_ADVERTISING(Category.BRAND_MARKETING, "虚假或误导宣传", "misleading advertising"),
    PROMOTION_RATE_NOT_HONOURED(Category.BRAND_MARKETING, "推广承诺费率未兑现", "rate promised in a sales promotion not honoured"),
    PROMOTION_PROMISE_NOT_KEPT(Category.BRAND_MARKETING, "推广承诺未兑现(礼品、返现、免费机具)",
            "other sales-promotion promise not kept (gift, cash-back, free terminal)"),
    HARDWARE_DEFECT(Category.PRODUCT_QUALITY, "硬件缺陷", "hardware defect"),
    BATTERY(Category.PRODUCT_QUALITY, "电池问题", "battery"),
    SCREEN(Category.PRODUCT_QUALITY, "屏幕问题", "screen"),
    RUDE_STAFF(Category.SERVICE_QUALITY, "服务态度差", "rude staff"),
    NO_CALLBACK(Category.SERVICE_QUALITY, "未按约回电", "no callback"),
    SLOW_RESPONSE(Category.SERVICE_QUALITY, "响应缓慢", "slow response"),
    DATA_PRIVACY(Category.COMPLIANCE, "个人信息保护", "data privacy"),
    CARD_FEE_RULES(Category.COMPLIANCE, "银行卡收费规则", "card fee rules"),
    BRAND_USE_COMPLIANCE(Category.COMPLIANCE, "品牌使用合规", "brand-use compliance"),
    OTHER(Category.OTHER, "其他", "other");

    private final Category category;
    private final String zh;
    private final String en;

    SubCategory(Category category, String zh, String en) {
        this.category = category;
        this.zh = zh;
        this.en = en;
    }

    /** The category this sub-category belongs to. */
    public Category category() {
        return category;
    }

    /** Its category's words, then its own: "技术故障 · 无法开机". */
    @Override
    public String zh() {
        return category.zh() + " · " + zh;
    }

    /** "Technical fault · won't power on". */
    @Override
    public String en() {
        return category.en() + " · " + en;
    }

    /** Its own words only, for where its category is already named: "无法开机 won't power on". */
    public String ownLabel() {
        return zh + " " + en;
    }

    /** The own words of a stored sub-category (its name), or the stored text if it is none of ours (an older record). */
    public static String ownLabelOf(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return valueOf(stored).ownLabel();
        } catch (IllegalArgumentException e) {
            return stored;
        }
    }
}
