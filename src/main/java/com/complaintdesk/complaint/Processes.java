package com.complaintdesk.complaint;

/**
 * The keys of our four processes and the names of the messages they catch: what is not a variable. The variables are
 * typed descriptors grouped per process ({@link Lifecycle}, {@code settlement.SettlementVariables},
 * {@code legal.LegalVariables}, {@code referral.ReferralVariables}).
 */
public final class Processes {

    public static final String LIFECYCLE_KEY = "complaint-lifecycle";
    /** Called by the lifecycle, legal proceedings and referrals. */
    public static final String SETTLEMENT_EXECUTION_KEY = "settlement-execution";
    /** Started by message LegalActionFiled. */
    public static final String LEGAL_PROCEEDINGS_KEY = "legal-proceedings";
    /** Started by messages RegulatorReferralReceived, decided by RegulatorDecision. */
    public static final String REGULATOR_REFERRAL_KEY = "regulator-referral";

    public static final String MESSAGE_EVIDENCE_SUBMITTED = "EvidenceSubmitted";
    public static final String MESSAGE_SETTLEMENT_RESPONSE = "SettlementResponse";
    public static final String MESSAGE_EXTENSION_REQUESTED = "ExtensionRequested";
    public static final String MESSAGE_LEGAL_ACTION_FILED = "LegalActionFiled";
    public static final String MESSAGE_REGULATOR_REFERRAL_RECEIVED = "RegulatorReferralReceived";
    public static final String MESSAGE_REGULATOR_DECISION = "RegulatorDecision";

    private Processes() {
    }
}
