package com.complaintdesk.complaint;

/**
 * Names of the complaint-lifecycle process variables. Form field keys in forms/ are these names, so a form
 * field and the code that reads it always agree. The process keeps the complaint number and the values its
 * gateways need; the record itself lives in our tables.
 */
public final class LifecycleVariables {

    public static final String PROCESS_KEY = "complaint-lifecycle";

    // Registration (start form register-complaint)
    public static final String CHANNEL = "channel";
    public static final String COMPLAINANT_NAME = "complainantName";
    public static final String COMPLAINANT_PHONE = "complainantPhone";
    public static final String COMPLAINANT_EMAIL = "complainantEmail";
    public static final String MERCHANT_ID = "merchantId";
    public static final String TERMINAL_SERIAL = "terminalSerial";
    public static final String CATEGORY = "category";
    public static final String VIA_SALES_PROMOTION = "viaSalesPromotion";
    public static final String DESCRIPTION = "description";
    public static final String CONTRACTED_RATE_PERCENT = "contractedRatePercent";
    public static final String TRANSACTION_REFERENCE = "transactionReference";
    public static final String TRANSACTION_TIME = "transactionTime";
    public static final String TRANSACTION_AMOUNT = "transactionAmount";
    public static final String FEE_CHARGED = "feeCharged";

    // Set at registration
    public static final String COMPLAINT_NUMBER = "complaintNumber";
    public static final String SUSPECTED_DUPLICATE_OF = "suspectedDuplicateOf";
    /** Task-local: the key facts shown at the top of every task form. */
    public static final String COMPLAINT_SUMMARY = "complaintSummary";
    /** Task-local: category, priority and department in words, for Tasklist's task list (its filters' columns). */
    public static final String CATEGORY_LABEL = "categoryLabel";
    public static final String PRIORITY_LABEL = "priorityLabel";
    public static final String DEPARTMENT_LABEL = "departmentLabel";

    // Triage
    public static final String SUB_CATEGORY = "subCategory";
    public static final String EVIDENCE_REQUIRED = "evidenceRequired";
    public static final String IS_DUPLICATE = "isDuplicate";
    public static final String DUPLICATE_OF = "duplicateOf";
    public static final String TRIAGE_NOTE = "triageNote";

    // Routing (DMN complaint-routing)
    public static final String DEPARTMENT = "department";
    public static final String PRIORITY = "priority";
    public static final String MANUFACTURER_REFERRAL = "manufacturerReferral";
    /** Which investigation Gateway_Department starts: FAULT_DIAGNOSIS, FEE_AUDIT, COMPLIANCE_INVESTIGATION, BRAND_INVESTIGATION, SERVICE_INVESTIGATION. */
    public static final String INVESTIGATION_TYPE = "investigationType";
    /** A department asked for its opinion before the investigation (Task_ConsultDepartment), or null. */
    public static final String CONSULTED_DEPARTMENT = "consultedDepartment";

    // Evidence
    public static final String EVIDENCE_ROUND = "evidenceRound";
    public static final String EVIDENCE_TYPE = "evidenceType";
    public static final String EVIDENCE_FILE_NAME = "evidenceFileName";
    public static final String EVIDENCE_RECEIVED_DESCRIPTION = "evidenceReceivedDescription";
    public static final String COMPLAINANT_WITHDREW = "complainantWithdrew";
    public static final String EVIDENCE_SUFFICIENT = "evidenceSufficient";
    public static final String EVIDENCE_REVIEW_NOTE = "evidenceReviewNote";

    // Investigation
    public static final String CONSULTATION_OPINION = "consultationOpinion";
    public static final String FINDINGS = "findings";
    public static final String DIAGNOSIS = "diagnosis";
    public static final String FIX_METHOD = "fixMethod";
    public static final String VISIT_DATE = "visitDate";
    public static final String REFERRAL_PARTY = "referralParty";
    public static final String VISIT_OUTCOME = "visitOutcome";
    public static final String DEVICE_REPAIRED = "deviceRepaired";
    public static final String MANUFACTURER_ANSWER = "manufacturerAnswer";
    public static final String MANUFACTURER_ACCEPTS_DEFECT = "manufacturerAcceptsDefect";
    public static final String FEE_AUDIT_REFUND = "feeAuditRefund";
    public static final String FEE_AUDIT_REPORT = "feeAuditReport";
    public static final String CONFIRMED_REFUND = "confirmedRefund";
    public static final String ADJUSTMENT_REASON = "adjustmentReason";
    public static final String BRAND_ISSUE_TYPE = "brandIssueType";
    public static final String CORRECTIVE_ACTION = "correctiveAction";
    public static final String COMPLIANCE_ISSUE_TYPE = "complianceIssueType";
    public static final String SERVICE_ACTION_TAKEN = "serviceActionTaken";

    // Proposal and approval (DMN settlement-approval)
    public static final String REMEDY = "remedy";
    public static final String PROPOSED_AMOUNT = "proposedAmount";
    public static final String PROPOSAL_RATIONALE = "proposalRationale";
    public static final String ROOT_CAUSE = "rootCause";
    public static final String PROPOSAL_ID = "proposalId";
    public static final String APPROVER_GROUPS = "approverGroups";
    public static final String APPROVER_GROUP = "approverGroup";
    public static final String PROPOSAL_APPROVED = "proposalApproved";
    public static final String APPROVAL_COMMENT = "approvalComment";

    // Negotiated settlement
    public static final String SETTLEMENT_RESPONSE = "settlementResponse";
    public static final String COUNTER_AMOUNT = "counterAmount";
    public static final String COUNTER_REASON = "counterReason";
    public static final String NEGOTIATION_ROUND = "negotiationRound";
    public static final String AGREEMENT_ID = "agreementId";
    public static final String AGREEMENT_SIGNED = "agreementSigned";
    public static final String SIGNATURE_METHOD = "signatureMethod";
    public static final String SIGNED_ON = "signedOn";
    public static final String EXECUTION_CONFIRMED = "executionConfirmed";
    public static final String EXECUTION_NOTE = "executionNote";

    // Final response and closure
    public static final String COMPANY_POSITION = "companyPosition";
    public static final String OUTCOME = "outcome";
    public static final String CLOSING_SUMMARY = "closingSummary";
    /** Local input of the closing service tasks (DUPLICATE, WITHDRAWN, or ${outcome}). */
    public static final String CLOSING_OUTCOME = "closingOutcome";

    // Deadlines: extension (message ExtensionRequested) and breach
    public static final String EXTENSION_DAYS = "extensionDays";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String EXTENSION_APPROVED = "extensionApproved";
    public static final String EXTENSION_DECISION_NOTE = "extensionDecisionNote";
    public static final String BREACH_ACTION = "breachAction";
    /** Local to the breach event sub-process: the deadline was really missed (not decided, closed or extended meanwhile). */
    public static final String DEADLINE_BREACHED = "deadlineBreached";

    // Settlement execution (process settlement-execution, called by the lifecycle, legal proceedings and referrals)
    public static final String SETTLEMENT_EXECUTION_KEY = "settlement-execution";

    // Legal path (process legal-proceedings, message LegalActionFiled)
    public static final String LEGAL_PROCEEDINGS_KEY = "legal-proceedings";
    /** COMPLAINANT (the complainant sued or applied for arbitration) or COMPANY (compliance-legal went to law). */
    public static final String LEGAL_INITIATED_BY = "legalInitiatedBy";
    public static final String LEGAL_NOTICE = "legalNotice";
    /** COURT or ARBITRATION. */
    public static final String LEGAL_FORUM = "legalForum";
    public static final String CLAIM_AMOUNT = "claimAmount";
    public static final String EXPOSURE_AMOUNT = "exposureAmount";
    public static final String CLAIM_ASSESSMENT = "claimAssessment";
    public static final String COUNSEL_FIRM = "counselFirm";
    public static final String COUNSEL_LAWYER = "counselLawyer";
    public static final String COUNSEL_ENGAGED_ON = "counselEngagedOn";
    public static final String TRIBUNAL_NAME = "tribunalName";
    public static final String CASE_NUMBER = "caseNumber";
    public static final String FILED_ON = "filedOn";
    public static final String SERVED_ON = "servedOn";
    public static final String HEARING_DATE = "hearingDate";
    public static final String HEARING_SUMMARY = "hearingSummary";
    /** After a hearing: HEARING (another one), MEDIATION (settled in court) or DECISION (judgment or ruling given). */
    public static final String CASE_STAGE = "caseStage";
    public static final String HEARING_COUNT = "hearingCount";
    public static final String MEDIATION_TERMS = "mediationTerms";
    public static final String MEDIATED_ON = "mediatedOn";
    /** JUDGMENT (appeal within 15 days of service) or RULING (10 days): configurable. */
    public static final String DECISION_KIND = "decisionKind";
    /** WON, LOST or PARTLY. */
    public static final String DECISION_RESULT = "decisionResult";
    public static final String AWARDED_AMOUNT = "awardedAmount";
    public static final String DECISION_SERVED_ON = "decisionServedOn";
    public static final String DECISION_SUMMARY = "decisionSummary";
    /** The last day to appeal (2027-01-12), for people; {@link #APPEAL_DEADLINE_AT} is the instant the timer uses. */
    public static final String APPEAL_DEADLINE = "appealDeadline";
    public static final String APPEAL_DEADLINE_AT = "appealDeadlineAt";
    /** APPEAL or COMPLY. */
    public static final String APPEAL_DECISION = "appealDecision";
    public static final String APPEAL_REASON = "appealReason";
    /** Set when the final decision orders us to pay: settlement-execution pays it. */
    public static final String AMOUNT_OWED = "amountOwed";
    /** LEGAL_SETTLED or LEGAL_JUDGMENT: the outcome the complaint closes with. */
    public static final String LEGAL_OUTCOME = "legalOutcome";

    // Regulator referral (process regulator-referral, messages RegulatorReferralReceived and RegulatorDecision)
    public static final String REGULATOR_REFERRAL_KEY = "regulator-referral";
    /** PBOC_12363, SAMR_12315, NFRA or OTHER. */
    public static final String REGULATOR = "regulator";
    public static final String REGULATOR_REFERENCE = "regulatorReference";
    public static final String REFERRAL_RECEIVED_ON = "referralReceivedOn";
    /** The day the answer is due (2026-12-04), for people; {@link #RESPONSE_DUE_AT} is the instant due dates and timers use. */
    public static final String RESPONSE_DUE_ON = "responseDueOn";
    public static final String RESPONSE_DUE_AT = "responseDueAt";
    public static final String REFERRAL_SUMMARY = "referralSummary";
    public static final String REGULATOR_RESPONSE = "regulatorResponse";
    public static final String RESPONSE_APPROVED = "responseApproved";
    public static final String RESPONSE_REVIEW_NOTE = "responseReviewNote";
    public static final String RESPONSE_SUBMITTED_ON = "responseSubmittedOn";
    /** REGULATOR_PLATFORM, EMAIL, POST or IN_PERSON. */
    public static final String SUBMISSION_CHANNEL = "submissionChannel";
    public static final String SUBMISSION_REFERENCE = "submissionReference";
    /** NO_ACTION, REMEDY_ORDERED or MEDIATED. */
    public static final String REGULATOR_DECISION = "regulatorDecision";
    public static final String DECIDED_ON = "decidedOn";
    /** Set when the regulator's decision orders a remedy: settlement-execution carries it out. */
    public static final String REMEDY_ORDERED = "remedyOrdered";
    public static final String COMPLIANCE_NOTE = "complianceNote";
    public static final String COMPLIED_ON = "compliedOn";
    /** The outcome a referral ends with: REFERRED_EXTERNAL, or the ordered remedy's outcome. */
    public static final String REFERRAL_OUTCOME = "referralOutcome";
    /** How many referrals of this complaint are being answered (the hand-off waits for none to be open). */
    public static final String OPEN_REFERRALS = "openReferrals";
    /** Set when the rejected complaint's hand-off passed it to an open referral, which then closes it. */
    public static final String HANDED_TO_REFERRAL = "handedToReferral";
    /** Local to the referral event sub-process: this referral closes the complaint (it was handed over, none else open). */
    public static final String CLOSE_AFTER_REFERRAL = "closeAfterReferral";

    // Messages
    public static final String MESSAGE_EVIDENCE_SUBMITTED = "EvidenceSubmitted";
    public static final String MESSAGE_SETTLEMENT_RESPONSE = "SettlementResponse";
    public static final String MESSAGE_EXTENSION_REQUESTED = "ExtensionRequested";
    public static final String MESSAGE_LEGAL_ACTION_FILED = "LegalActionFiled";
    public static final String MESSAGE_REGULATOR_REFERRAL_RECEIVED = "RegulatorReferralReceived";
    public static final String MESSAGE_REGULATOR_DECISION = "RegulatorDecision";

    private LifecycleVariables() {
    }
}
