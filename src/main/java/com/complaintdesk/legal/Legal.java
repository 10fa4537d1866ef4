package com.complaintdesk.legal;

import static com.complaintdesk.shared.BusinessTime.ZONE;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.complaint.CardNumberMasker;
import com.complaintdesk.notification.MessageType;
import com.complaintdesk.notification.Notifications;
import com.complaintdesk.referral.ReferralVariables;
import com.complaintdesk.referral.Referrals;
import com.complaintdesk.settlement.Remedy;
import com.complaintdesk.settlement.Settlement;
import com.complaintdesk.settlement.SettlementProposal;
import com.complaintdesk.settlement.SettlementVariables;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The steps of legal-proceedings: the case is opened when the process starts (${legal.opened(execution)}), each user
 * task's complete listener records what compliance-legal entered (and rejects bad input naming the field), and the
 * service tasks turn a mediation statement or a judgment into a settlement to carry out and conclude the case.
 */
@Component("legal")
public class Legal {

    private static final Logger log = LoggerFactory.getLogger(Legal.class);

    private final ComplaintRecords records;
    private final LegalCaseRepository cases;
    private final LegalCaseEventRepository events;
    private final LegalProperties properties;
    private final Settlement settlement;
    private final Notifications notifications;
    private final Referrals referrals;

    Legal(ComplaintRecords records, LegalCaseRepository cases, LegalCaseEventRepository events, LegalProperties properties,
          Settlement settlement, Notifications notifications, Referrals referrals) {
        this.referrals = referrals;
        this.notifications = notifications;
        this.records = records;
        this.cases = cases;
        this.events = events;
        this.properties = properties;
        this.settlement = settlement;
    }

    /** Start of legal-proceedings: opens the case (once per process instance); the complaint is now in legal proceedings. */
    @Transactional
    public void opened(DelegateExecution execution) {
        Complaint complaint = complaint(execution);
        if (complaint.isClosed()) {
            throw InvalidInputException.of(Lifecycle.COMPLAINT_NUMBER.name(), "is closed: legal action on a closed complaint is not handled here");
        }
        LegalCase.Initiator initiator = LegalVariables.LEGAL_INITIATED_BY.get(execution);
        if (initiator == null) {
            initiator = LegalCase.Initiator.COMPLAINANT;
            LegalVariables.LEGAL_INITIATED_BY.set(execution, initiator);
        }
        LegalCase.Forum forum = LegalVariables.LEGAL_FORUM.get(execution);
        String notice = limited(execution, LegalVariables.LEGAL_NOTICE.name(), 4000);
        if (cases.findByProcessInstanceId(execution.getProcessInstanceId()).isPresent()) {
            return;
        }
        LegalCase legalCase = cases.save(new LegalCase(complaint.getId(), execution.getProcessInstanceId(), initiator, forum, notice, records.now()));
        event(legalCase, LegalCaseEvent.Kind.NOTICE, null, words(initiator == LegalCase.Initiator.COMPLAINANT
                ? "complainantActed" : "companyActed")
                + (forum == null ? "" : " (" + forum + ")") + (notice == null ? "" : ": " + notice));
        complaint.moveTo(ComplaintStatus.IN_LEGAL_PROCEEDINGS);
        // the interrupted handling took the referrals being answered with it: they go on, on follow-up complaints, once
        // this step has committed (a new complaint and its process are started as engine commands of their own)
        String number = complaint.getComplaintNumber();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    referrals.moveOpenReferrals(number);
                } catch (RuntimeException e) {
                    // the legal path stands; the referral stays marked MOVING and is registered again by hand
                    log.error("Could not move the open referrals of complaint {} to a follow-up complaint: register them again "
                            + "on /staff/referrals/new", number, e);
                }
            }
        });
        records.recordPublic(complaint, Milestone.LEGAL_ACTION_FILED, initiator == LegalCase.Initiator.COMPLAINANT
                ? words("actionReceived") : words("wentToLaw"));
        Map<String, String> facts = Map.of("complaintNumber", complaint.getComplaintNumber(), "initiatedBy",
                words(initiator == LegalCase.Initiator.COMPLAINANT ? "complainantSued" : "companySued"),
                "forum", forum == null ? "—" : words(forum == LegalCase.Forum.COURT ? "court" : "arbitration"));
        notifications.toStaff(Departments.COMPLIANCE_LEGAL, null, MessageType.LEGAL_ACTION, facts);
        notifications.toStaff(Departments.COMPLAINT_MANAGERS, null, MessageType.LEGAL_ACTION, facts);
        log.info("Legal case {} opened for complaint {} ({})", legalCase.getId(), complaint.getComplaintNumber(), initiator);
    }

    /** Task_AssessClaim: the claim and our exposure; the assessment stays internal. */
    @Transactional
    public void assessed(DelegateTask task) {
        BigDecimal claim = amount(task, LegalVariables.CLAIM_AMOUNT.name(), false);
        BigDecimal exposure = amount(task, LegalVariables.EXPOSURE_AMOUNT.name(), true);
        String assessment = required(task, LegalVariables.CLAIM_ASSESSMENT.name(), 4000);
        LegalCase legalCase = caseOf(task);
        legalCase.assessed(claim, exposure, assessment);
        event(legalCase, LegalCaseEvent.Kind.ASSESSMENT, null, words("claim") + " " + money(claim) + ", " + words("exposure") + " " + money(exposure) + ": " + assessment);
        internal(task, words("assessed", money(exposure)));
    }

    /** Task_EngageCounsel: the firm and the lawyer. */
    @Transactional
    public void counselEngaged(DelegateTask task) {
        String firm = required(task, LegalVariables.COUNSEL_FIRM.name(), 200);
        String lawyer = required(task, LegalVariables.COUNSEL_LAWYER.name(), 100);
        LocalDate on = LegalVariables.COUNSEL_ENGAGED_ON.required(task);
        LegalCase legalCase = caseOf(task);
        legalCase.counselEngaged(firm, lawyer, on);
        event(legalCase, LegalCaseEvent.Kind.COUNSEL, on, words("engaged", lawyer, firm));
        internal(task, words("counselEngaged", lawyer, firm));
    }

    /** Task_RecordFiling: the first filing, or an appeal's filing with the court above. */
    @Transactional
    public void filed(DelegateTask task) {
        LegalCase.Forum forum = LegalVariables.LEGAL_FORUM.required(task);
        String tribunal = required(task, LegalVariables.TRIBUNAL_NAME.name(), 200);
        String caseNumber = ProcessValues.text(task, LegalVariables.CASE_NUMBER.name(), 100, true); // a court's number, as given
        LocalDate filedOn = LegalVariables.FILED_ON.required(task);
        LocalDate servedOn = LegalVariables.SERVED_ON.get(task);
        if (servedOn != null && servedOn.isBefore(filedOn)) {
            throw InvalidInputException.of(LegalVariables.SERVED_ON.name(), "cannot be before the filing date " + filedOn);
        }
        LegalCase legalCase = caseOf(task);
        boolean appeal = legalCase.getCaseNumber() != null;
        legalCase.filed(forum, tribunal, caseNumber, filedOn, servedOn);
        LegalVariables.HEARING_COUNT.set(task, legalCase.getHearings());
        String text = words(appeal ? "appealFiled" : "filed", tribunal) + ", " + words("caseNumber", caseNumber);
        event(legalCase, appeal ? LegalCaseEvent.Kind.APPEAL : LegalCaseEvent.Kind.FILING, filedOn, text);
        records.recordPublic(complaint(task), Milestone.LEGAL_CASE_STEP, text);
    }

    /** Task_RecordHearing: one hearing; what comes next decides the path. */
    @Transactional
    public void hearingRecorded(DelegateTask task) {
        LocalDate on = LegalVariables.HEARING_DATE.required(task);
        String summary = required(task, LegalVariables.HEARING_SUMMARY.name(), 4000);
        LegalCase.Stage stage = LegalVariables.CASE_STAGE.required(task);
        LegalCase legalCase = caseOf(task);
        if (legalCase.getFiledOn() != null && on.isBefore(legalCase.getFiledOn())) {
            throw InvalidInputException.of(LegalVariables.HEARING_DATE.name(), "cannot be before the filing date " + legalCase.getFiledOn());
        }
        int count = legalCase.hearingHeld();
        LegalVariables.HEARING_COUNT.set(task, count);
        LegalVariables.CASE_STAGE.set(task, stage);
        event(legalCase, LegalCaseEvent.Kind.HEARING, on, BundleWords.zh("legal.record.hearingNumber", String.valueOf(count)) + " " + BundleWords.en("legal.record.hearingNumber", String.valueOf(count)) + ": " + summary);
        internal(task, words("hearingOn", count, on, stage));
    }

    /** Task_RecordMediation: the mediation statement's terms; Task_RecordCourtSettlement turns them into a settlement. */
    @Transactional
    public void mediationRecorded(DelegateTask task) {
        Remedy remedy = SettlementVariables.REMEDY.required(task);
        BigDecimal amount = remedy.isMonetary() ? amount(task, SettlementVariables.PROPOSED_AMOUNT.name(), true) : null;
        String terms = required(task, LegalVariables.MEDIATION_TERMS.name(), 4000);
        LocalDate on = LegalVariables.MEDIATED_ON.required(task);
        LegalCase legalCase = caseOf(task);
        // the mediation statement's terms become our record of the settlement now; Task_RecordCourtSettlement reads it
        settlement.ordered(complaint(task), SettlementProposal.Source.COURT, reference(legalCase, "MEDIATION"), remedy, amount, terms);
        event(legalCase, LegalCaseEvent.Kind.MEDIATION, on, words("mediation", remedy) + (amount == null ? "" : " ¥" + amount.toPlainString()) + ". " + terms);
    }

    /** Task_RecordDecision: the judgment or ruling, and the appeal deadline it starts. */
    @Transactional
    public void decisionRecorded(DelegateTask task) {
        LegalCase.DecisionKind kind = LegalVariables.DECISION_KIND.required(task);
        LegalCase.DecisionResult result = LegalVariables.DECISION_RESULT.required(task);
        BigDecimal awarded = amount(task, LegalVariables.AWARDED_AMOUNT.name(), false);
        if (awarded == null) {
            awarded = BigDecimal.ZERO;
        }
        if (result == LegalCase.DecisionResult.WON && awarded.signum() > 0) {
            throw InvalidInputException.of(LegalVariables.AWARDED_AMOUNT.name(), "must be 0 when we won: nothing is owed");
        }
        LocalDate served = LegalVariables.DECISION_SERVED_ON.required(task);
        String summary = required(task, ReferralVariables.DECISION_SUMMARY.name(), 4000);
        Instant deadline = appealDeadline(kind, served);
        LegalCase legalCase = caseOf(task);
        legalCase.decided(kind, result, awarded, served, deadline);
        LegalVariables.AWARDED_AMOUNT.set(task, awarded);
        LegalVariables.APPEAL_DEADLINE.set(task, deadline.atZone(ZONE).toLocalDate());
        LegalVariables.APPEAL_DEADLINE_AT.set(task, deadline);
        String text = words(kind == LegalCase.DecisionKind.JUDGMENT ? "judgment" : "ruling") + " (" + result + ")"
                + (awarded.signum() > 0 ? ", " + words("wePay", awarded.toPlainString()) : "");
        event(legalCase, LegalCaseEvent.Kind.DECISION, served, text + ": " + summary);
        records.recordPublic(complaint(task), Milestone.LEGAL_DECISION, text);
    }

    /** Task_DecideAppeal: appeal (before the deadline) or comply; a reason either way. */
    @Transactional
    public void appealDecided(DelegateTask task) {
        LegalCase.AppealDecision decision = LegalVariables.APPEAL_DECISION.required(task);
        String reason = required(task, LegalVariables.APPEAL_REASON.name(), 2000);
        LegalCase legalCase = caseOf(task);
        if (decision == LegalCase.AppealDecision.APPEAL && legalCase.getAppealDeadline() != null
                && records.now().isAfter(legalCase.getAppealDeadline())) {
            throw InvalidInputException.of(LegalVariables.APPEAL_DECISION.name(), "is too late: the appeal deadline passed on "
                    + legalCase.getAppealDeadline().atZone(ZONE).toLocalDate());
        }
        LegalVariables.APPEAL_DECISION.set(task, decision);
        event(legalCase, LegalCaseEvent.Kind.APPEAL, null, words(decision == LegalCase.AppealDecision.APPEAL ? "appeal" : "comply", reason));
        internal(task, words(decision == LegalCase.AppealDecision.APPEAL ? "weAppeal" : "weComply"));
    }

    /** Task_RecordCourtSettlement: the mediation statement becomes the settlement settlement-execution carries out. */
    @Transactional
    public void courtSettlement(DelegateExecution execution) {
        LegalCase legalCase = caseOf(execution);
        SettlementProposal proposal = settlement.orderedSettlement(complaint(execution), SettlementProposal.Source.COURT,
                reference(legalCase, "MEDIATION"));
        SettlementVariables.PROPOSAL_ID.set(execution, proposal.getId());
        SettlementVariables.REMEDY.set(execution, proposal.getRemedy());
        SettlementVariables.PROPOSED_AMOUNT.set(execution, proposal.getAmount());
        LegalVariables.LEGAL_OUTCOME.set(execution, Outcome.LEGAL_SETTLED);
    }

    /**
     * Task_RecordJudgment: the final judgment (appeal declined or its deadline passed). A sum we owe becomes a
     * compensation carried out by settlement-execution; nothing owed goes straight to the conclusion.
     */
    @Transactional
    public void judgment(DelegateExecution execution) {
        LegalCase legalCase = caseOf(execution);
        BigDecimal owed = legalCase.getAwardedAmount() == null ? BigDecimal.ZERO : legalCase.getAwardedAmount();
        boolean amountOwed = owed.signum() > 0;
        if (amountOwed) {
            SettlementProposal proposal = settlement.ordered(complaint(execution), SettlementProposal.Source.COURT,
                    reference(legalCase, "JUDGMENT"), Remedy.COMPENSATION, owed, words("paymentUnderDecision",
                            legalCase.getCaseNumber()));
            SettlementVariables.PROPOSAL_ID.set(execution, proposal.getId());
            SettlementVariables.REMEDY.set(execution, Remedy.COMPENSATION);
            SettlementVariables.PROPOSED_AMOUNT.set(execution, owed);
        }
        LegalVariables.AMOUNT_OWED.set(execution, amountOwed);
        LegalVariables.LEGAL_OUTCOME.set(execution, Outcome.LEGAL_JUDGMENT);
        event(legalCase, LegalCaseEvent.Kind.COMPLIANCE, null, words("decisionFinal") + (amountOwed ? ": " + words("pay", owed.toPlainString()) : ""));
    }

    /** Task_ConcludeLegal: the case ends; its outcome and a summary go back to the complaint, which closes with them. */
    @Transactional
    public void conclude(DelegateExecution execution) {
        LegalCase legalCase = caseOf(execution);
        Outcome outcome = LegalVariables.LEGAL_OUTCOME.required(execution);
        legalCase.concluded(outcome.name(), records.now());
        String where = legalCase.getTribunalName() == null ? "" : legalCase.getTribunalName() + " " + legalCase.getCaseNumber();
        String summary = outcome == Outcome.LEGAL_SETTLED
                ? words("settledByMediation", where)
                : words("closedByDecision", legalCase.getDecisionResult(), where);
        Lifecycle.CLOSING_SUMMARY.set(execution, summary);
        records.recordPublic(complaint(execution), Milestone.LEGAL_CONCLUDED, summary);
    }

    /** The appeal deadline: the end (23:59:59, Asia/Shanghai) of the last day after service. */
    Instant appealDeadline(LegalCase.DecisionKind kind, LocalDate servedOn) {
        return servedOn.plusDays(properties.appealDays(kind)).atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant();
    }

    // ---- helpers ----

    private LegalCase caseOf(VariableScope scope) {
        String processInstanceId = scope instanceof DelegateTask task ? task.getProcessInstanceId()
                : ((DelegateExecution) scope).getProcessInstanceId();
        return cases.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("No legal case for process instance " + processInstanceId));
    }

    private static String reference(LegalCase legalCase, String what) {
        return "LEGAL-" + legalCase.getId() + ":" + what + ":" + legalCase.getCaseNumber();
    }

    private Complaint complaint(VariableScope scope) {
        return records.get(ProcessValues.complaintNumber(scope));
    }

    private void internal(VariableScope scope, String text) {
        records.recordInternal(complaint(scope), Milestone.LEGAL_CASE_STEP, text);
    }

    private void event(LegalCase legalCase, LegalCaseEvent.Kind kind, LocalDate on, String detail) {
        events.save(new LegalCaseEvent(legalCase.getId(), kind, on, CardNumberMasker.mask(detail), records.currentActor(), records.now()));
    }

    /** Free text staff wrote, at most {@code maxLength} characters, card numbers masked. */
    private static String required(VariableScope scope, String name, int maxLength) {
        return CardNumberMasker.mask(ProcessValues.text(scope, name, maxLength, true));
    }

    private static String limited(VariableScope scope, String name, int maxLength) {
        return CardNumberMasker.mask(ProcessValues.text(scope, name, maxLength, false));
    }

    private static BigDecimal amount(VariableScope scope, String name, boolean required) {
        BigDecimal value = ProcessValues.money(scope, name);
        if (value == null && required) {
            throw InvalidInputException.of(name, "is required");
        }
        if (value != null && value.signum() < 0) {
            throw InvalidInputException.of(name, "must not be negative");
        }
        return value;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "-" : "¥" + amount.toPlainString();
    }

    /** "索赔 Claim": the words of legal.record.{@code key} in the message bundles, Chinese first with English beside. */
    private static String words(String key, Object... args) {
        return BundleWords.both("legal.record." + key, Arrays.stream(args).map(String::valueOf).toArray());
    }
}
