package com.complaintdesk.referral;

import static com.complaintdesk.shared.BusinessTime.ZONE;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.deadline.DeadlineService;
import com.complaintdesk.identity.AsApplication;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.complaint.CardNumberMasker;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.notification.MessageType;
import com.complaintdesk.notification.Notifications;
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
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A regulator's referral, from its arrival to its conclusion. In the complaint's lifecycle: the referral is counted open
 * ({@code openReferral}), concluded ({@code concludeReferral}), and a rejected complaint's hand-off passes it to an open
 * referral ({@code handOverToReferral}). In regulator-referral: recorded ({@code recordReferral}), the response prepared,
 * approved and submitted (task listeners ${referrals...}), the decision applied ({@code applyRegulatorDecision}),
 * compliance recorded, the path concluded ({@code concludeRegulatorPath}). And the staff entry point: a referral for a
 * complaint we have, or one the regulator forwards that we never saw.
 */
@Component("referrals")
public class Referrals {

    private static final Logger log = LoggerFactory.getLogger(Referrals.class);

    /** What a referral says: who refers, their reference, when it came, when they want the answer, and what it is about. */
    public record ReferralNotice(Regulator regulator, String reference, LocalDate receivedOn, LocalDate responseDueOn, String summary) {
    }

    private final ComplaintRecords records;
    private final RegulatorReferralRepository referrals;
    private final Settlement settlement;
    private final DeadlineService deadlines;
    private final IntakeService intake;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Notifications notifications;

    Referrals(ComplaintRecords records, RegulatorReferralRepository referrals, Settlement settlement, DeadlineService deadlines,
              IntakeService intake, RuntimeService runtimeService, IdentityService identityService, Notifications notifications) {
        this.notifications = notifications;
        this.records = records;
        this.referrals = referrals;
        this.settlement = settlement;
        this.deadlines = deadlines;
        this.intake = intake;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    // ---- arrival (staff page; integrators send RegulatorReferralReceived through the engine REST API) ----

    /**
     * A referral of a complaint we have: RegulatorReferralReceived to its process, where the referral is answered
     * while the handling goes on. A closed complaint is not reopened, and one in legal proceedings has no handling left
     * to answer from: the referral opens a follow-up complaint (channel REGULATOR) that names it. Returns the number of
     * the complaint that answers the referral.
     */
    @Transactional
    public String receive(String complaintNumber, ReferralNotice notice) {
        check(notice);
        Complaint complaint = records.get(complaintNumber);
        if (complaint.isClosed() || complaint.getStatus() == ComplaintStatus.IN_LEGAL_PROCEEDINGS || complaint.getProcessInstanceId() == null) {
            String number = followUp(complaint, notice);
            correlate(number, notice);
            return number;
        }
        correlate(complaintNumber, notice);
        return complaintNumber;
    }

    /**
     * Legal action interrupted the complaint's handling, and with it the referrals being answered: each moves to a
     * follow-up complaint (channel REGULATOR), where it is answered from the start; its record keeps its reference.
     * Called once the legal path's start (Legal.opened) has committed, in a transaction of its own, as the application.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void moveOpenReferrals(String complaintNumber) {
        AsApplication.run(identityService, () -> moveOpenReferrals(records.get(complaintNumber)));
    }

    private void moveOpenReferrals(Complaint complaint) {
        for (RegulatorReferral referral : referrals.findByComplaintIdOrderByReceivedAtAsc(complaint.getId())) {
            if (referral.getConcludedAt() != null) {
                continue;
            }
            referral.moving();
            ReferralNotice notice = new ReferralNotice(referral.getRegulator(), referral.getReference(), referral.getReceivedOn(),
                    referral.getResponseDueAt().atZone(ZONE).toLocalDate(), referral.getSummary());
            String number = followUp(complaint, notice);
            correlate(number, notice);
            log.info("Referral {} of complaint {} moved to follow-up {}: legal action interrupted its handling", referral.getId(),
                    complaint.getComplaintNumber(), number);
        }
    }

    /** A follow-up complaint (channel REGULATOR) for a referral of a complaint that cannot answer it any more. */
    private String followUp(Complaint complaint, ReferralNotice notice) {
        String why = complaint.isClosed() ? words("wasClosed", complaint.getOutcome()) : words("inLegalProceedings");
        ComplaintRegistration followUp = new ComplaintRegistration(Channel.REGULATOR, complaint.getComplainant().name(),
                complaint.getComplainant().phone(), complaint.getComplainant().email(), complaint.getComplainant().merchantId(),
                complaint.getTerminalSerial(), complaint.getCategory(), complaint.isViaSalesPromotion(),
                limit(words("followUpDescription", complaint.getComplaintNumber(), why, notice.regulator())
                        + (notice.summary() == null ? "" : ": " + notice.summary()), 2000),
                complaint.getContractedRatePercent(), null);
        String number = register(followUp);
        records.recordInternal(complaint, Milestone.REFERRAL_RECEIVED, words("answeredOnFollowUp", notice.reference(), number));
        return number;
    }

    /** A complaint the regulator forwards that we never saw: registered with channel REGULATOR, and its referral answered. */
    @Transactional
    public String receiveForwarded(ComplaintRegistration registration, ReferralNotice notice) {
        check(notice);
        if (registration.channel() != Channel.REGULATOR) {
            throw InvalidInputException.of(Lifecycle.CHANNEL.name(), "must be REGULATOR for a complaint a regulator forwards");
        }
        String number = register(registration);
        correlate(number, notice);
        return number;
    }

    private void check(ReferralNotice notice) {
        if (notice.regulator() == null) {
            throw InvalidInputException.of(ReferralVariables.REGULATOR.name(), "is required");
        }
        if (notice.reference() == null || notice.reference().isBlank()) {
            throw InvalidInputException.of(ReferralVariables.REGULATOR_REFERENCE.name(), "is required");
        }
        // a referral left MOVING (its move to a follow-up failed) may be registered again: the new process takes it over
        referrals.findByRegulatorAndReference(notice.regulator(), notice.reference().strip())
                .filter(existing -> !existing.isMoving())
                .ifPresent(existing -> {
                    throw InvalidInputException.of(ReferralVariables.REGULATOR_REFERENCE.name(), "is already recorded (referral " + existing.getId() + ")");
                });
    }

    /** Registers as the application: compliance-legal, who may register a referral, may not start a complaint in Tasklist. */
    private String register(ComplaintRegistration registration) {
        return AsApplication.call(identityService, () -> intake.register(registration).complaint().getComplaintNumber());
    }

    private void correlate(String complaintNumber, ReferralNotice notice) {
        // who may register a referral is the application's rule (the page checked it); the engine step runs as the application
        AsApplication.run(identityService, () -> runtimeService.createMessageCorrelation(Processes.MESSAGE_REGULATOR_REFERRAL_RECEIVED)
                .processInstanceBusinessKey(complaintNumber)
                .setVariable(ReferralVariables.REGULATOR.name(), ReferralVariables.REGULATOR.typed(notice.regulator()))
                .setVariable(ReferralVariables.REGULATOR_REFERENCE.name(), ReferralVariables.REGULATOR_REFERENCE.typed(notice.reference().strip()))
                .setVariable(ReferralVariables.REFERRAL_RECEIVED_ON.name(), ReferralVariables.REFERRAL_RECEIVED_ON.typed(notice.receivedOn()))
                .setVariable(ReferralVariables.RESPONSE_DUE_ON.name(), ReferralVariables.RESPONSE_DUE_ON.typed(notice.responseDueOn()))
                .setVariable(ReferralVariables.REFERRAL_SUMMARY.name(), ReferralVariables.REFERRAL_SUMMARY.typed(notice.summary()))
                .correlate());
    }

    // ---- in the complaint's lifecycle ----

    /** Task_OpenReferral: one more referral open on this complaint. */
    public void opened(DelegateExecution execution) {
        ReferralVariables.OPEN_REFERRALS.set(execution.getProcessInstance(), openReferrals(execution) + 1);
    }

    /**
     * Task_ConcludeReferral: one referral fewer; when the complaint was handed over to its referrals and this was the
     * last, the referral closes the complaint (closeAfterReferral).
     */
    public void concluded(DelegateExecution execution) {
        int open = Math.max(0, openReferrals(execution) - 1);
        ReferralVariables.OPEN_REFERRALS.set(execution.getProcessInstance(), open);
        ReferralVariables.CLOSE_AFTER_REFERRAL.setLocal(execution, open == 0 && ReferralVariables.HANDED_TO_REFERRAL.get(execution));
    }

    /** Task_HandOverToReferral: the rejected complaint waits for its open referral, which closes it. */
    @Transactional
    public void handedOver(DelegateExecution execution) {
        ReferralVariables.HANDED_TO_REFERRAL.set(execution.getProcessInstance(), true);
        records.recordPublic(complaint(execution), Milestone.REFERRAL_RESPONSE,
                words("closesWhenDecided"));
    }

    private static int openReferrals(DelegateExecution execution) {
        return ReferralVariables.OPEN_REFERRALS.get(execution.getProcessInstance());
    }

    // ---- in regulator-referral ----

    /** Task_RecordReferral: the referral's record, with its response due date (the regulator's, or the configured default). */
    @Transactional
    public void record(DelegateExecution execution) {
        Complaint complaint = complaint(execution);
        Regulator regulator = ReferralVariables.REGULATOR.required(execution);
        String reference = ProcessValues.text(execution, ReferralVariables.REGULATOR_REFERENCE.name(), 100, true); // the regulator's identifier, as given
        LocalDate today = records.now().atZone(ZONE).toLocalDate();
        LocalDate receivedOn = ReferralVariables.REFERRAL_RECEIVED_ON.get(execution);
        if (receivedOn == null) {
            receivedOn = today;
        } else if (receivedOn.isAfter(today)) {
            throw InvalidInputException.of(ReferralVariables.REFERRAL_RECEIVED_ON.name(), "cannot be in the future");
        }
        LocalDate dueOn = ReferralVariables.RESPONSE_DUE_ON.get(execution);
        if (dueOn != null && dueOn.isBefore(receivedOn)) {
            throw InvalidInputException.of(ReferralVariables.RESPONSE_DUE_ON.name(), "cannot be before the referral was received (" + receivedOn + ")");
        }
        Instant dueAt = dueOn != null ? dueOn.atTime(LocalTime.of(23, 59, 59)).atZone(ZONE).toInstant()
                : deadlines.regulatorResponseAt(execution, receivedOn).toInstant();
        String summary = text(execution, ReferralVariables.REFERRAL_SUMMARY.name(), 4000, false);
        RegulatorReferral existing = referrals.findByRegulatorAndReference(regulator, reference).orElse(null);
        if (existing != null && !existing.isMoving()) {
            throw InvalidInputException.of(ReferralVariables.REGULATOR_REFERENCE.name(), "is already recorded (referral " + existing.getId() + ")");
        }
        RegulatorReferral referral;
        if (existing != null) { // moved here from a complaint that legal action took over
            existing.adoptedBy(complaint.getId(), execution.getProcessInstanceId());
            referral = existing;
        } else {
            referral = referrals.save(new RegulatorReferral(complaint.getId(), execution.getProcessInstanceId(), regulator,
                    reference, receivedOn, dueAt, summary, records.now()));
        }
        ReferralVariables.REFERRAL_RECEIVED_ON.set(execution, receivedOn);
        ReferralVariables.RESPONSE_DUE_ON.set(execution, dueAt.atZone(ZONE).toLocalDate());
        ReferralVariables.RESPONSE_DUE_AT.set(execution, dueAt);
        records.recordPublic(complaint, Milestone.REFERRAL_RECEIVED, words("received", regulator.label(), reference)
                + "; " + words("responseDue", dueAt.atZone(ZONE).toLocalDate()));
        Map<String, String> facts = Map.of("complaintNumber", complaint.getComplaintNumber(), "regulator", regulator.label(),
                "regulatorReference", reference, "responseDueDate", dueAt.atZone(ZONE).toLocalDate().toString());
        notifications.toStaff(Departments.COMPLIANCE_LEGAL, null, MessageType.REFERRAL_RECEIVED, facts);
        notifications.toStaff(Departments.COMPLAINT_MANAGERS, null, MessageType.REFERRAL_RECEIVED, facts);
        log.info("Referral {} ({} {}) recorded for complaint {}, response due {}", referral.getId(), regulator, reference,
                complaint.getComplaintNumber(), dueAt);
    }

    /**
     * Task_ReportLateResponse: a response task's due-date timer fired before the response was submitted: compliance-legal
     * and the complaint managers are alerted, and the timeline says so. The task itself goes on.
     */
    @Transactional
    public void lateResponse(DelegateExecution execution) {
        RegulatorReferral referral = referralOf(execution);
        if (referral.getSubmittedOn() != null) {
            return;
        }
        // where the response stands: the referral's open task (the boundary timer that fired sat on it)
        String stage = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).list().stream()
                .map(org.camunda.bpm.engine.task.Task::getName).reduce((a, b) -> a + ", " + b).orElse("—");
        Complaint complaint = complaint(execution);
        Map<String, String> facts = Map.of("complaintNumber", complaint.getComplaintNumber(), "regulator", referral.getRegulator().label(),
                "regulatorReference", referral.getReference(),
                "responseDueDate", referral.getResponseDueAt().atZone(ZONE).toLocalDate().toString(), "stage", stage);
        notifications.toStaff(Departments.COMPLIANCE_LEGAL, null, MessageType.REFERRAL_OVERDUE, facts);
        notifications.toStaff(Departments.COMPLAINT_MANAGERS, null, MessageType.REFERRAL_OVERDUE, facts);
        records.recordInternal(complaint, Milestone.REFERRAL_RESPONSE, words("overdue", referral.getRegulator().label(),
                facts.get("responseDueDate")));
        log.warn("Response to referral {} ({} {}) of complaint {} is overdue", referral.getId(), referral.getRegulator(),
                referral.getReference(), complaint.getComplaintNumber());
    }

    /** Task_PrepareResponse: the draft answer, written from the dossier. */
    @Transactional
    public void responsePrepared(DelegateTask task) {
        String response = text(task, ReferralVariables.REGULATOR_RESPONSE.name(), 8000, true);
        referralOf(task).prepared(response);
        records.recordInternal(complaint(task), Milestone.REFERRAL_RESPONSE, words("drafted"));
    }

    /** Task_ApproveResponse: a manager approves the answer, or returns it with a note. */
    @Transactional
    public void responseReviewed(DelegateTask task) {
        boolean approved = ReferralVariables.RESPONSE_APPROVED.get(task);
        ReferralVariables.RESPONSE_APPROVED.set(task, approved);
        String note = text(task, ReferralVariables.RESPONSE_REVIEW_NOTE.name(), 2000, false);
        if (!approved && note == null) {
            throw InvalidInputException.of(ReferralVariables.RESPONSE_REVIEW_NOTE.name(), "is required when returning the response: say what to change");
        }
        if (approved) {
            referralOf(task).approved(records.currentActor(), records.now());
        }
        records.recordInternal(complaint(task), Milestone.REFERRAL_RESPONSE, approved
                ? words("approved") : words("returned", note));
    }

    /** Task_SubmitResponse: when, how and with which receipt the answer went to the regulator. */
    @Transactional
    public void responseSubmitted(DelegateTask task) {
        RegulatorReferral referral = referralOf(task);
        LocalDate on = ReferralVariables.RESPONSE_SUBMITTED_ON.required(task);
        if (on.isBefore(referral.getReceivedOn())) {
            throw InvalidInputException.of(ReferralVariables.RESPONSE_SUBMITTED_ON.name(), "cannot be before the referral was received (" + referral.getReceivedOn() + ")");
        }
        RegulatorReferral.SubmissionChannel channel = ReferralVariables.SUBMISSION_CHANNEL.required(task);
        referral.submitted(on, channel, ProcessValues.text(task, ReferralVariables.SUBMISSION_REFERENCE.name(), 100, false), records.currentActor());
        boolean late = on.atTime(LocalTime.MIN).atZone(ZONE).toInstant().isAfter(referral.getResponseDueAt());
        records.recordPublic(complaint(task), Milestone.REFERRAL_RESPONSE, words("submitted", referral.getRegulator().label(), on, channel)
                + (late ? "; " + words("late") : ""));
    }

    /**
     * Task_ApplyDecision: the regulator's decision, arrived as RegulatorDecision or recorded by staff. An ordered remedy
     * becomes a settlement written once per referral, so recording the decision again never pays twice.
     */
    @Transactional
    public void decisionApplied(DelegateExecution execution) {
        RegulatorReferral referral = referralOf(execution);
        RegulatorReferral.Decision decision = ReferralVariables.REGULATOR_DECISION.required(execution);
        LocalDate decidedOn = ReferralVariables.DECIDED_ON.get(execution);
        if (decidedOn == null) {
            decidedOn = records.now().atZone(ZONE).toLocalDate();
        }
        String summary = text(execution, ReferralVariables.DECISION_SUMMARY.name(), 4000, true);
        Complaint complaint = complaint(execution);
        boolean remedyOrdered = decision == RegulatorReferral.Decision.REMEDY_ORDERED;
        Remedy remedy = null;
        BigDecimal amount = null;
        Long proposalId = null;
        if (remedyOrdered) {
            remedy = SettlementVariables.REMEDY.required(execution);
            amount = remedy.isMonetary() ? SettlementVariables.PROPOSED_AMOUNT.get(execution) : null;
            SettlementProposal proposal = settlement.ordered(complaint, SettlementProposal.Source.REGULATOR,
                    "REGULATOR:" + referral.getRegulator() + ":" + referral.getReference(), remedy, amount, summary);
            proposalId = proposal.getId();
            SettlementVariables.PROPOSAL_ID.set(execution, proposalId);
            SettlementVariables.REMEDY.set(execution, remedy);
            SettlementVariables.PROPOSED_AMOUNT.set(execution, amount);
        }
        referral.decided(decision, decidedOn, summary, remedy == null ? null : remedy.name(), amount, proposalId);
        ReferralVariables.REMEDY_ORDERED.set(execution, remedyOrdered);
        records.recordPublic(complaint, Milestone.REGULATOR_DECISION, referral.getRegulator().label() + " " + words("decided", decision)
                + ": " + summary);
    }

    /** Task_RecordCompliance: how the ordered remedy was complied with. */
    @Transactional
    public void complianceRecorded(DelegateTask task) {
        LocalDate on = ReferralVariables.COMPLIED_ON.required(task);
        String note = text(task, ReferralVariables.COMPLIANCE_NOTE.name(), 2000, true);
        referralOf(task).complied(on, note);
        records.recordInternal(complaint(task), Milestone.REFERRAL_RESPONSE, words("complied", on, note));
    }

    /** Task_ConcludeRegulatorPath: the referral's outcome (the remedy's, or REFERRED_EXTERNAL) and a closing summary. */
    @Transactional
    public void pathConcluded(DelegateExecution execution) {
        RegulatorReferral referral = referralOf(execution);
        Outcome outcome = ReferralVariables.REMEDY_ORDERED.get(execution)
                ? Lifecycle.OUTCOME.required(execution) : Outcome.REFERRED_EXTERNAL;
        referral.concluded(outcome.name(), records.now());
        String summary = limit(referral.getRegulator().label() + " " + referral.getReference() + " "
                + words("decided", referral.getDecision()) + ": " + referral.getDecisionSummary(), 2000);
        ReferralVariables.REFERRAL_OUTCOME.set(execution, outcome);
        Lifecycle.CLOSING_SUMMARY.set(execution, summary);
        records.recordInternal(complaint(execution), Milestone.REFERRAL_CONCLUDED, words("concluded", outcome));
    }

    // ---- helpers ----

    private RegulatorReferral referralOf(VariableScope scope) {
        String processInstanceId = scope instanceof DelegateTask task ? task.getProcessInstanceId()
                : ((DelegateExecution) scope).getProcessInstanceId();
        return referrals.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("No referral for process instance " + processInstanceId));
    }

    private Complaint complaint(VariableScope scope) {
        return records.get(ProcessValues.complaintNumber(scope));
    }

    /** Free text staff wrote, at most {@code maxLength} characters, card numbers masked. */
    private static String text(VariableScope scope, String name, int maxLength, boolean required) {
        return CardNumberMasker.mask(ProcessValues.text(scope, name, maxLength, required));
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** "监管答复已起草 Response to the regulator drafted": the words of referral.record.{@code key}, Chinese first with English beside. */
    private static String words(String key, Object... args) {
        return BundleWords.both("referral.record." + key, Arrays.stream(args).map(String::valueOf).toArray());
    }
}
