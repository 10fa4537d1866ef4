package com.complaintdesk.settlement;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.notification.MessageType;
import com.complaintdesk.notification.Notifications;
import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.shared.Letters;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out an accepted (or court- or regulator-ordered) remedy. Every operation is idempotent by a key of
 * complaint and proposal: a retried job, or a step run twice, never pays twice, orders twice or writes twice.
 * Returns the outcome the complaint closes with.
 */
@Service("remedies")
public class RemedyExecution {

    private static final Logger log = LoggerFactory.getLogger(RemedyExecution.class);

    private final ComplaintRecords records;
    private final ProposalRepository proposals;
    private final AgreementRepository agreements;
    private final LedgerRepository ledger;
    private final DeviceOrderRepository deviceOrders;
    private final LetterRepository letters;
    private final Letters templates;
    private final Notifications notifications;

    RemedyExecution(ComplaintRecords records, ProposalRepository proposals, AgreementRepository agreements, LedgerRepository ledger,
                    DeviceOrderRepository deviceOrders, LetterRepository letters, Letters templates, Notifications notifications) {
        this.records = records;
        this.proposals = proposals;
        this.agreements = agreements;
        this.ledger = ledger;
        this.deviceOrders = deviceOrders;
        this.letters = letters;
        this.templates = templates;
        this.notifications = notifications;
    }

    /** REFUND, COMPENSATION, FEE_ADJUSTMENT: one ledger entry per proposal. */
    @Transactional
    public Outcome pay(String complaintNumber) {
        Complaint complaint = records.get(complaintNumber);
        SettlementProposal proposal = settlementToCarryOut(complaint);
        long proposalId = proposal.getId();
        if (!proposal.getRemedy().isMonetary()) {
            throw new IllegalStateException("Proposal " + proposalId + " is " + proposal.getRemedy() + ", not a payment");
        }
        String key = "LEDGER:" + complaintNumber + ":" + proposalId;
        if (ledger.findByIdempotencyKey(key).isEmpty()) {
            ledger.save(new LedgerEntry(complaint.getId(), key, proposal.getRemedy(), proposal.getAmount(), records.now()));
            executed(complaint, words("remedy.record.paid", proposal.getRemedy().label(), proposal.getAmount().toPlainString()));
        } else {
            log.info("Ledger entry {} exists: {} is not paid again", key, complaintNumber);
        }
        return Outcome.RESOLVED_MONETARY;
    }

    /** REPAIR, REPLACEMENT: one field-service order per proposal. */
    @Transactional
    public Outcome orderDeviceService(String complaintNumber) {
        Complaint complaint = records.get(complaintNumber);
        SettlementProposal proposal = settlementToCarryOut(complaint);
        long proposalId = proposal.getId();
        if (!proposal.getRemedy().isDeviceService()) {
            throw new IllegalStateException("Proposal " + proposalId + " is " + proposal.getRemedy() + ", not a repair or replacement");
        }
        String key = "DEVICE:" + complaintNumber + ":" + proposalId;
        if (deviceOrders.findByIdempotencyKey(key).isEmpty()) {
            deviceOrders.save(new DeviceServiceOrder(complaint.getId(), key, proposal.getRemedy(), complaint.getTerminalSerial(), records.now()));
            executed(complaint, words("remedy.record.ordered", proposal.getRemedy().label())
                    + (complaint.getTerminalSerial() == null ? "" : " for terminal " + complaint.getTerminalSerial()));
        }
        return Outcome.RESOLVED_NON_MONETARY;
    }

    /** EXPLANATION, APOLOGY: one letter per proposal. */
    @Transactional
    public Outcome issueStatement(String complaintNumber) {
        Complaint complaint = records.get(complaintNumber);
        SettlementProposal proposal = settlementToCarryOut(complaint);
        long proposalId = proposal.getId();
        if (proposal.getRemedy().isMonetary() || proposal.getRemedy().isDeviceService()) {
            throw new IllegalStateException("Proposal " + proposalId + " is " + proposal.getRemedy() + ", not a letter");
        }
        ComplaintLetter.Kind kind = proposal.getRemedy() == Remedy.APOLOGY ? ComplaintLetter.Kind.APOLOGY : ComplaintLetter.Kind.EXPLANATION;
        String key = kind + ":" + complaintNumber + ":" + proposalId;
        if (letters.findByIdempotencyKey(key).isEmpty()) {
            String body = templates.render("statement.txt", Map.of(
                    "complaintNumber", complaintNumber,
                    "complainantName", complaint.getComplainant().name(),
                    "kind", proposal.getRemedy().label(),
                    "rationale", proposal.getRationale(),
                    "date", today().toString()));
            letters.save(new ComplaintLetter(complaint.getId(), key, kind, body, records.now()));
            executed(complaint, words("remedy.record.sent", proposal.getRemedy().label()));
        }
        return kind == ComplaintLetter.Kind.EXPLANATION ? Outcome.EXPLAINED : Outcome.RESOLVED_NON_MONETARY;
    }

    /** The final response when no settlement was reached: the company's position and the routes onward. */
    @Transactional
    public Outcome issueFinalResponse(String complaintNumber, String companyPosition) {
        Complaint complaint = records.get(complaintNumber);
        String key = "FINAL_RESPONSE:" + complaintNumber + ":" + proposals.countByComplaintId(complaint.getId());
        if (letters.findByIdempotencyKey(key).isEmpty()) {
            String body = templates.render("final-response.txt", Map.of(
                    "complaintNumber", complaintNumber,
                    "complainantName", complaint.getComplainant().name(),
                    "position", companyPosition,
                    "date", today().toString()));
            letters.save(new ComplaintLetter(complaint.getId(), key, ComplaintLetter.Kind.FINAL_RESPONSE, body, records.now()));
            complaint.moveTo(ComplaintStatus.FINAL_RESPONSE_ISSUED);
            complaint.markDecided(records.now());
            records.recordPublic(complaint, Milestone.FINAL_RESPONSE_ISSUED,
                    words("remedy.record.finalResponse"));
            notifications.toComplainant(complaint, MessageType.FINAL_RESPONSE, Map.of("companyPosition", companyPosition));
        }
        return Outcome.REJECTED;
    }

    /** Task_ConfirmExecution listener ${remedies.confirmed(task)}: customer service confirms the remedy was carried out. */
    @Transactional
    public void confirmed(DelegateTask task) {
        boolean confirmed = SettlementVariables.EXECUTION_CONFIRMED.get(task);
        SettlementVariables.EXECUTION_CONFIRMED.set(task, confirmed);
        String note = SettlementVariables.EXECUTION_NOTE.get(task);
        if (!confirmed && note == null) {
            throw InvalidInputException.of(SettlementVariables.EXECUTION_NOTE.name(), "is required when the remedy was not carried out: say what went wrong");
        }
        Complaint complaint = records.get(ProcessValues.complaintNumber(task));
        records.recordInternal(complaint, Milestone.EXECUTION_CONFIRMED,
                words(confirmed ? "remedy.record.confirmed" : "remedy.record.notCarriedOut") + (note == null ? "" : ": " + note));
    }

    private void executed(Complaint complaint, String detail) {
        complaint.moveTo(ComplaintStatus.SETTLEMENT_EXECUTED);
        records.recordPublic(complaint, Milestone.REMEDY_EXECUTED, detail);
        notifications.toComplainant(complaint, MessageType.EXECUTION, Map.of("executionDetail", detail));
    }

    /**
     * The settlement a complaint is owed, from our records: its latest accepted proposal that was either ordered (a
     * court's mediation or judgment, a regulator's decision) or negotiated, approved, accepted and signed. A refused,
     * rejected, countered or unsigned proposal is never carried out; nor is another complaint's.
     */
    public SettlementProposal settlementToCarryOut(Complaint complaint) {
        for (SettlementProposal proposal : proposals.findByComplaintIdAndStatusOrderByRoundDesc(complaint.getId(), SettlementProposal.Status.ACCEPTED)) {
            if (proposal.getSource() != SettlementProposal.Source.NEGOTIATION
                    || agreements.findByProposalId(proposal.getId()).filter(SettlementAgreement::isSigned).isPresent()) {
                return proposal;
            }
        }
        throw new IllegalStateException("Complaint " + complaint.getComplaintNumber()
                + " has no settlement to carry out: no ordered one, and no accepted proposal with a signed agreement");
    }

    private LocalDate today() {
        return records.now().atZone(BusinessTime.ZONE).toLocalDate();
    }

    /** "已支付 Paid": the words of {@code key} in the message bundles, Chinese first with English beside. */
    private static String words(String key, Object... args) {
        return BundleWords.both(key, Arrays.stream(args).map(String::valueOf).toArray());
    }
}
