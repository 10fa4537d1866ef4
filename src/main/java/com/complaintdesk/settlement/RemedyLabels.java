package com.complaintdesk.settlement;

/** How a remedy reads in letters: Chinese first, English beside. */
public final class RemedyLabels {

    private RemedyLabels() {
    }

    public static String label(Remedy remedy) {
        return switch (remedy) {
            case REFUND -> "退款 Refund";
            case FEE_ADJUSTMENT -> "手续费调整及退还 Fee adjustment";
            case COMPENSATION -> "赔偿 Compensation";
            case REPAIR -> "维修 Repair";
            case REPLACEMENT -> "更换终端 Replacement terminal";
            case EXPLANATION -> "书面解释 Written explanation";
            case APOLOGY -> "书面致歉 Written apology";
        };
    }

    /** The proposal's amount as the complainant reads it: "¥18.00", a device's value, or that no money is involved. */
    static String amount(SettlementProposal proposal) {
        if (proposal.getRemedy().isMonetary()) {
            return "¥" + proposal.getAmount().toPlainString();
        }
        if (proposal.getRemedy().isDeviceService() && proposal.getAmount() != null && proposal.getAmount().signum() > 0) {
            return "不涉及付款，价值 ¥" + proposal.getAmount().toPlainString() + " No payment, worth ¥" + proposal.getAmount().toPlainString();
        }
        return "不涉及金额 No payment";
    }
}
