package com.complaintdesk.referral;

import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.Variable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The variables of the regulator-referral process (messages RegulatorReferralReceived and RegulatorDecision), one typed
 * descriptor each (see {@link Variable}).
 */
public final class ReferralVariables {

    /** PBOC_12363, SAMR_12315, NFRA or OTHER. */
    public static final Variable<Regulator> REGULATOR = Variable.of("regulator", Regulator.class);
    public static final Variable<String> REGULATOR_REFERENCE = Variable.text("regulatorReference");
    public static final Variable<LocalDate> REFERRAL_RECEIVED_ON = Variable.date("referralReceivedOn");
    /** The day the answer is due (2026-12-04), for people; {@link #RESPONSE_DUE_AT} is the instant due dates and timers use. */
    public static final Variable<LocalDate> RESPONSE_DUE_ON = Variable.date("responseDueOn");
    public static final Variable<Instant> RESPONSE_DUE_AT = Variable.instant("responseDueAt");
    public static final Variable<String> REFERRAL_SUMMARY = Variable.text("referralSummary");
    public static final Variable<String> REGULATOR_RESPONSE = Variable.text("regulatorResponse");
    public static final Variable<Boolean> RESPONSE_APPROVED = Variable.flag("responseApproved");
    public static final Variable<String> RESPONSE_REVIEW_NOTE = Variable.text("responseReviewNote");
    public static final Variable<LocalDate> RESPONSE_SUBMITTED_ON = Variable.date("responseSubmittedOn");
    /** REGULATOR_PLATFORM, EMAIL, POST or IN_PERSON. */
    public static final Variable<RegulatorReferral.SubmissionChannel> SUBMISSION_CHANNEL = Variable.of("submissionChannel", RegulatorReferral.SubmissionChannel.class);
    public static final Variable<String> SUBMISSION_REFERENCE = Variable.text("submissionReference");
    /** NO_ACTION, REMEDY_ORDERED or MEDIATED. */
    public static final Variable<RegulatorReferral.Decision> REGULATOR_DECISION = Variable.of("regulatorDecision", RegulatorReferral.Decision.class);
    public static final Variable<LocalDate> DECIDED_ON = Variable.date("decidedOn");
    /** The regulator's decision in short; also the court's or tribunal's in legal proceedings (legal depends on referral, not the other way). */
    public static final Variable<String> DECISION_SUMMARY = Variable.text("decisionSummary");
    /** Set when the regulator's decision orders a remedy: settlement-execution carries it out. */
    public static final Variable<Boolean> REMEDY_ORDERED = Variable.flag("remedyOrdered");
    public static final Variable<String> COMPLIANCE_NOTE = Variable.text("complianceNote");
    public static final Variable<LocalDate> COMPLIED_ON = Variable.date("compliedOn");
    /** The outcome a referral ends with: REFERRED_EXTERNAL, or the ordered remedy's outcome. */
    public static final Variable<Outcome> REFERRAL_OUTCOME = Variable.of("referralOutcome", Outcome.class);
    /** How many referrals of this complaint are being answered (the hand-off waits for none to be open). */
    public static final Variable<Integer> OPEN_REFERRALS = Variable.integer("openReferrals");
    /** Set when the rejected complaint's hand-off passed it to an open referral, which then closes it. */
    public static final Variable<Boolean> HANDED_TO_REFERRAL = Variable.flag("handedToReferral");
    /** Local to the referral event sub-process: this referral closes the complaint (it was handed over, none else open). */
    public static final Variable<Boolean> CLOSE_AFTER_REFERRAL = Variable.flag("closeAfterReferral");

    private ReferralVariables() {
    }
}
