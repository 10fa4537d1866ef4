package com.complaintdesk.complaint;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The variables of the complaint-lifecycle process ({@link Processes#LIFECYCLE_KEY}), one typed descriptor each
 * (see {@link Variable}). Form field keys in forms/ are these names. The variables of proposals, approval, negotiation
 * and settlement execution are in {@code settlement.SettlementVariables}.
 */
public final class Lifecycle {

    public static final Variable<Channel> CHANNEL = Variable.of("channel", Channel.class);
    public static final Variable<String> COMPLAINANT_NAME = Variable.text("complainantName");
    public static final Variable<String> COMPLAINANT_PHONE = Variable.text("complainantPhone");
    public static final Variable<String> COMPLAINANT_EMAIL = Variable.text("complainantEmail");
    public static final Variable<String> MERCHANT_ID = Variable.text("merchantId");
    public static final Variable<String> TERMINAL_SERIAL = Variable.text("terminalSerial");
    public static final Variable<Category> CATEGORY = Variable.of("category", Category.class);
    public static final Variable<Boolean> VIA_SALES_PROMOTION = Variable.flag("viaSalesPromotion");
    public static final Variable<String> DESCRIPTION = Variable.text("description");
    public static final Variable<BigDecimal> CONTRACTED_RATE_PERCENT = Variable.decimal("contractedRatePercent");
    public static final Variable<String> TRANSACTION_REFERENCE = Variable.text("transactionReference");
    public static final Variable<Instant> TRANSACTION_TIME = Variable.instant("transactionTime");
    public static final Variable<BigDecimal> TRANSACTION_AMOUNT = Variable.money("transactionAmount");
    public static final Variable<BigDecimal> FEE_CHARGED = Variable.money("feeCharged");
    public static final Variable<String> COMPLAINT_NUMBER = Variable.text("complaintNumber");
    public static final Variable<String> SUSPECTED_DUPLICATE_OF = Variable.text("suspectedDuplicateOf");
    /** Task-local: the key facts shown at the top of every task form. */
    public static final Variable<String> COMPLAINT_SUMMARY = Variable.text("complaintSummary");
    public static final Variable<String> CATEGORY_LABEL = Variable.text("categoryLabel");
    public static final Variable<String> PRIORITY_LABEL = Variable.text("priorityLabel");
    public static final Variable<String> DEPARTMENT_LABEL = Variable.text("departmentLabel");
    public static final Variable<SubCategory> SUB_CATEGORY = Variable.of("subCategory", SubCategory.class);
    public static final Variable<Boolean> EVIDENCE_REQUIRED = Variable.flag("evidenceRequired");
    public static final Variable<Boolean> IS_DUPLICATE = Variable.flag("isDuplicate");
    public static final Variable<String> DUPLICATE_OF = Variable.text("duplicateOf");
    public static final Variable<String> TRIAGE_NOTE = Variable.text("triageNote");
    public static final Variable<String> DEPARTMENT = Variable.text("department");
    public static final Variable<Priority> PRIORITY = Variable.of("priority", Priority.class);
    public static final Variable<Boolean> MANUFACTURER_REFERRAL = Variable.flag("manufacturerReferral");
    public static final Variable<String> INVESTIGATION_TYPE = Variable.text("investigationType");
    public static final Variable<String> CONSULTED_DEPARTMENT = Variable.text("consultedDepartment");
    public static final Variable<String> CONSULTATION_OPINION = Variable.text("consultationOpinion");
    public static final Variable<Integer> EVIDENCE_ROUND = Variable.integer("evidenceRound");
    public static final Variable<String> EVIDENCE_TYPE = Variable.text("evidenceType");
    public static final Variable<String> EVIDENCE_FILE_NAME = Variable.text("evidenceFileName");
    public static final Variable<String> EVIDENCE_RECEIVED_DESCRIPTION = Variable.text("evidenceReceivedDescription");
    public static final Variable<Boolean> COMPLAINANT_WITHDREW = Variable.flag("complainantWithdrew");
    public static final Variable<Boolean> EVIDENCE_SUFFICIENT = Variable.flag("evidenceSufficient");
    public static final Variable<String> EVIDENCE_REVIEW_NOTE = Variable.text("evidenceReviewNote");
    public static final Variable<String> FINDINGS = Variable.text("findings");
    public static final Variable<String> DIAGNOSIS = Variable.text("diagnosis");
    public static final Variable<String> FIX_METHOD = Variable.text("fixMethod");
    public static final Variable<LocalDate> VISIT_DATE = Variable.date("visitDate");
    public static final Variable<String> REFERRAL_PARTY = Variable.text("referralParty");
    public static final Variable<String> VISIT_OUTCOME = Variable.text("visitOutcome");
    public static final Variable<Boolean> DEVICE_REPAIRED = Variable.flag("deviceRepaired");
    public static final Variable<String> MANUFACTURER_ANSWER = Variable.text("manufacturerAnswer");
    public static final Variable<Boolean> MANUFACTURER_ACCEPTS_DEFECT = Variable.flag("manufacturerAcceptsDefect");
    public static final Variable<BigDecimal> FEE_AUDIT_REFUND = Variable.money("feeAuditRefund");
    public static final Variable<String> FEE_AUDIT_REPORT = Variable.text("feeAuditReport");
    public static final Variable<BigDecimal> CONFIRMED_REFUND = Variable.money("confirmedRefund");
    public static final Variable<String> ADJUSTMENT_REASON = Variable.text("adjustmentReason");
    public static final Variable<String> BRAND_ISSUE_TYPE = Variable.text("brandIssueType");
    public static final Variable<String> CORRECTIVE_ACTION = Variable.text("correctiveAction");
    public static final Variable<String> COMPLIANCE_ISSUE_TYPE = Variable.text("complianceIssueType");
    public static final Variable<String> SERVICE_ACTION_TAKEN = Variable.text("serviceActionTaken");
    public static final Variable<String> COMPANY_POSITION = Variable.text("companyPosition");
    public static final Variable<Outcome> OUTCOME = Variable.of("outcome", Outcome.class);
    public static final Variable<String> CLOSING_SUMMARY = Variable.text("closingSummary");
    /** Local input of the closing service tasks (DUPLICATE, WITHDRAWN, or ${outcome}). */
    public static final Variable<Outcome> CLOSING_OUTCOME = Variable.of("closingOutcome", Outcome.class);
    public static final Variable<Integer> EXTENSION_DAYS = Variable.integer("extensionDays");
    public static final Variable<String> EXTENSION_REASON = Variable.text("extensionReason");
    public static final Variable<Boolean> EXTENSION_APPROVED = Variable.flag("extensionApproved");
    public static final Variable<String> EXTENSION_DECISION_NOTE = Variable.text("extensionDecisionNote");
    public static final Variable<String> BREACH_ACTION = Variable.text("breachAction");
    /** Local to the breach event sub-process: the deadline was really missed (not decided, closed or extended meanwhile). */
    public static final Variable<Boolean> DEADLINE_BREACHED = Variable.flag("deadlineBreached");

    private Lifecycle() {
    }
}
