package com.complaintdesk.identity;

import java.util.List;
import java.util.Map;

/**
 * The departments of Complaint Desk as Camunda identity groups (type WORKFLOW). The ids are what the lifecycle's
 * candidateGroups, the DMN complaint-routing output {@code department} and the settlement-approval output
 * {@code approverGroup} hold; the names are what staff read (Chinese first, English beside).
 */
public final class Departments {

    public static final String CUSTOMER_SERVICE = "customer-service";
    public static final String TECHNICAL_SUPPORT = "technical-support";
    public static final String COMPLIANCE_LEGAL = "compliance-legal";
    public static final String MARKETING_BRAND = "marketing-brand";
    public static final String COMPLAINT_MANAGERS = "complaint-managers";

    /**
     * Not a department: the technical users of systems that send LegalActionFiled, RegulatorReferralReceived and
     * RegulatorDecision through the engine REST API (a regulator platform's gateway, the legal case system).
     */
    public static final String INTEGRATIONS = "complaint-integrations";

    /** Every department group, in the order staff see them. */
    public static final List<String> ALL = List.of(
            CUSTOMER_SERVICE, TECHNICAL_SUPPORT, COMPLIANCE_LEGAL, MARKETING_BRAND, COMPLAINT_MANAGERS);

    /**
     * Who registers what comes from outside by post, a court's summons, an arbitration notice or a regulator's
     * referral: the front desk that receives it, compliance-legal, and complaint managers.
     */
    public static final List<String> OUTSIDE_NOTICES = List.of(CUSTOMER_SERVICE, COMPLIANCE_LEGAL, COMPLAINT_MANAGERS);

    private static final Map<String, String> NAMES = Map.of(
            CUSTOMER_SERVICE, "客户服务部 Customer service",
            TECHNICAL_SUPPORT, "技术支持部 Technical support",
            COMPLIANCE_LEGAL, "合规与法务部 Compliance & legal",
            MARKETING_BRAND, "市场与品牌部 Marketing & brand",
            COMPLAINT_MANAGERS, "投诉主管 Complaint managers");

    private Departments() {
    }

    /** The display name of a department group, e.g. "客户服务部 Customer service". */
    public static String name(String groupId) {
        String name = NAMES.get(groupId);
        if (name == null) {
            throw new IllegalArgumentException("Unknown department group '" + groupId + "'");
        }
        return name;
    }
}
