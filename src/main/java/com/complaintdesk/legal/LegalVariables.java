package com.complaintdesk.legal;

import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.Variable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The variables of the legal-proceedings process (message LegalActionFiled), one typed descriptor each (see {@link Variable}).
 */
public final class LegalVariables {

    /** COMPLAINANT (the complainant sued or applied for arbitration) or COMPANY (compliance-legal went to law). */
    public static final Variable<LegalCase.Initiator> LEGAL_INITIATED_BY = Variable.of("legalInitiatedBy", LegalCase.Initiator.class);
    public static final Variable<String> LEGAL_NOTICE = Variable.text("legalNotice");
    /** COURT or ARBITRATION. */
    public static final Variable<LegalCase.Forum> LEGAL_FORUM = Variable.of("legalForum", LegalCase.Forum.class);
    public static final Variable<BigDecimal> CLAIM_AMOUNT = Variable.money("claimAmount");
    public static final Variable<BigDecimal> EXPOSURE_AMOUNT = Variable.money("exposureAmount");
    public static final Variable<String> CLAIM_ASSESSMENT = Variable.text("claimAssessment");
    public static final Variable<String> COUNSEL_FIRM = Variable.text("counselFirm");
    public static final Variable<String> COUNSEL_LAWYER = Variable.text("counselLawyer");
    public static final Variable<LocalDate> COUNSEL_ENGAGED_ON = Variable.date("counselEngagedOn");
    public static final Variable<String> TRIBUNAL_NAME = Variable.text("tribunalName");
    public static final Variable<String> CASE_NUMBER = Variable.text("caseNumber");
    public static final Variable<LocalDate> FILED_ON = Variable.date("filedOn");
    public static final Variable<LocalDate> SERVED_ON = Variable.date("servedOn");
    public static final Variable<LocalDate> HEARING_DATE = Variable.date("hearingDate");
    public static final Variable<String> HEARING_SUMMARY = Variable.text("hearingSummary");
    /** After a hearing: HEARING (another one), MEDIATION (settled in court) or DECISION (judgment or ruling given). */
    public static final Variable<LegalCase.Stage> CASE_STAGE = Variable.of("caseStage", LegalCase.Stage.class);
    public static final Variable<Integer> HEARING_COUNT = Variable.integer("hearingCount");
    public static final Variable<String> MEDIATION_TERMS = Variable.text("mediationTerms");
    public static final Variable<LocalDate> MEDIATED_ON = Variable.date("mediatedOn");
    /** JUDGMENT (appeal within 15 days of service) or RULING (10 days): configurable. */
    public static final Variable<LegalCase.DecisionKind> DECISION_KIND = Variable.of("decisionKind", LegalCase.DecisionKind.class);
    /** WON, LOST or PARTLY. */
    public static final Variable<LegalCase.DecisionResult> DECISION_RESULT = Variable.of("decisionResult", LegalCase.DecisionResult.class);
    public static final Variable<BigDecimal> AWARDED_AMOUNT = Variable.money("awardedAmount");
    public static final Variable<LocalDate> DECISION_SERVED_ON = Variable.date("decisionServedOn");
    /** The last day to appeal (2027-01-12), for people; {@link #APPEAL_DEADLINE_AT} is the instant the timer uses. */
    public static final Variable<LocalDate> APPEAL_DEADLINE = Variable.date("appealDeadline");
    public static final Variable<Instant> APPEAL_DEADLINE_AT = Variable.instant("appealDeadlineAt");
    /** APPEAL or COMPLY. */
    public static final Variable<LegalCase.AppealDecision> APPEAL_DECISION = Variable.of("appealDecision", LegalCase.AppealDecision.class);
    public static final Variable<String> APPEAL_REASON = Variable.text("appealReason");
    /** Set when the final decision orders us to pay: settlement-execution pays it. */
    public static final Variable<Boolean> AMOUNT_OWED = Variable.flag("amountOwed");
    /** LEGAL_SETTLED or LEGAL_JUDGMENT: the outcome the complaint closes with. */
    public static final Variable<Outcome> LEGAL_OUTCOME = Variable.of("legalOutcome", Outcome.class);

    private LegalVariables() {
    }
}
