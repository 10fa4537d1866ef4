package com.complaintdesk.settlement;

import com.complaintdesk.complaint.AlreadyDoneException;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.complaint.Words;
import com.complaintdesk.complaint.RootCause;
import com.complaintdesk.notification.MessageType;
import com.complaintdesk.notification.Notifications;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposal, its approval and the complainant's answer. Task listeners: Task_ProposeResolution
 * (${settlement.proposed(task)}), Task_ApproveProposal (${settlement.approvalRequested(task)} on create,
 * ${settlement.approvalDecided(task)} on complete), Task_NegotiateSettlement
 * on create (${settlement.offered(task)}); and the answer itself, recorded by Task_RecordSettlementResponse.
 */
@Component("settlement")
public class Settlement {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");

    private final ComplaintRecords records;
    private final ProposalRepository proposals;
    private final ApprovalRepository approvals;
    private final Notifications notifications;
    private final Words words;

    Settlement(ComplaintRecords records, ProposalRepository proposals, ApprovalRepository approvals, Notifications notifications, Words words) {
        this.words = words;
        this.records = records;
        this.proposals = proposals;
        this.approvals = approvals;
        this.notifications = notifications;
    }

    /** The routed department proposes a remedy; a new round each time. */
    @Transactional
    public void proposed(DelegateTask task) {
        Complaint complaint = complaint(task);
        Remedy remedy = SettlementVariables.REMEDY.required(task);
        BigDecimal amount = SettlementVariables.PROPOSED_AMOUNT.get(task);
        if (remedy.isMonetary() && (amount == null || amount.signum() == 0)) {
            throw InvalidInputException.of(SettlementVariables.PROPOSED_AMOUNT.name(), "must be more than 0 for a " + remedy + " remedy");
        }
        if (amount != null && amount.compareTo(MAX_AMOUNT) > 0) {
            throw InvalidInputException.of(SettlementVariables.PROPOSED_AMOUNT.name(), "must not exceed " + MAX_AMOUNT.toPlainString() + " yuan");
        }
        // what the proposal is worth: the sum paid, or the value of the repair or replacement terminal (the approval
        // table weighs it: a replacement above 5000 yuan needs compliance-legal too); a letter is worth nothing
        BigDecimal proposedAmount = remedy.isMonetary() || (remedy.isDeviceService() && amount != null) ? amount : BigDecimal.ZERO.setScale(2);
        RootCause rootCause = SettlementVariables.ROOT_CAUSE.get(task);
        int round = (int) proposals.countByComplaintId(complaint.getId()) + 1;
        SettlementProposal proposal = proposals.save(new SettlementProposal(complaint.getId(), round, remedy, proposedAmount,
                SettlementVariables.PROPOSAL_RATIONALE.required(task), rootCause, records.currentActor(), records.now()));
        complaint.moveTo(ComplaintStatus.AWAITING_APPROVAL);
        records.recordInternal(complaint, Milestone.PROPOSAL_MADE, words.both("settlement.record.proposalRound", String.valueOf(round), String.valueOf(remedy))
                + (proposedAmount.signum() > 0 ? " ¥" + proposedAmount.toPlainString() : ""));
        // the approval table (Task_DetermineApprovers, next in this transaction) and the forms read the recorded value
        SettlementVariables.PROPOSAL_ID.set(task, proposal.getId());
        SettlementVariables.REMEDY.set(task, remedy);
        SettlementVariables.PROPOSED_AMOUNT.set(task, proposedAmount);
        // a new round starts clean: no stale approval or counter-offer
        SettlementVariables.PROPOSAL_APPROVED.set(task, false);
        SettlementVariables.APPROVAL_COMMENT.set(task, null);
        SettlementVariables.COUNTER_AMOUNT.set(task, null);
        SettlementVariables.COUNTER_REASON.set(task, null);
    }

    /** Each approver group starts from a blank decision, not the previous approver's tick and comment. */
    public void approvalRequested(DelegateTask task) {
        SettlementVariables.PROPOSAL_APPROVED.set(task, false);
        SettlementVariables.APPROVAL_COMMENT.set(task, null);
    }

    /** One approver group decides (sequential tiers from DMN settlement-approval); a refusal must say why. */
    @Transactional
    public void approvalDecided(DelegateTask task) {
        Complaint complaint = complaint(task);
        SettlementProposal proposal = current(complaint, SettlementProposal.Status.PROPOSED);
        boolean approved = SettlementVariables.PROPOSAL_APPROVED.get(task);
        String comment = SettlementVariables.APPROVAL_COMMENT.get(task);
        if (!approved && comment == null) {
            throw InvalidInputException.of(SettlementVariables.APPROVAL_COMMENT.name(), "is required when refusing: the investigator needs the reason");
        }
        String group = SettlementVariables.APPROVER_GROUP.required(task);
        approvals.save(new ProposalApproval(proposal.getId(), group, approved, comment, records.currentActor(), records.now()));
        if (!approved) {
            proposal.moveTo(SettlementProposal.Status.REFUSED);
            complaint.moveTo(ComplaintStatus.UNDER_INVESTIGATION);
        }
        records.recordInternal(complaint, approved ? Milestone.PROPOSAL_APPROVED : Milestone.PROPOSAL_REFUSED,
                words.both(approved ? "settlement.record.approvedBy" : "settlement.record.refusedBy", String.valueOf(group)) + (comment == null ? "" : ": " + comment));
        SettlementVariables.PROPOSAL_APPROVED.set(task, approved);
    }

    /** The approved proposal goes to the complainant: the complaint's current one, approved by every group the table named. */
    @Transactional
    public void offered(DelegateTask task) {
        Complaint complaint = complaint(task);
        // OFFERED again when the task is created anew for the same round (a migrated or modified instance)
        SettlementProposal proposal = current(complaint, SettlementProposal.Status.PROPOSED, SettlementProposal.Status.OFFERED);
        List<ProposalApproval> decisions = approvals.findByProposalIdOrderByDecidedAtAsc(proposal.getId());
        for (String group : approverGroups(task)) {
            if (decisions.stream().noneMatch(d -> d.getApproverGroup().equals(group) && d.isApproved())) {
                throw new IllegalStateException("Proposal round " + proposal.getRound() + " of " + complaint.getComplaintNumber()
                        + " lacks the approval of " + group + ": it cannot be offered");
            }
        }
        if (decisions.stream().anyMatch(d -> !d.isApproved())) {
            throw new IllegalStateException("Proposal round " + proposal.getRound() + " was refused: it cannot be offered");
        }
        proposal.moveTo(SettlementProposal.Status.OFFERED);
        SettlementVariables.SETTLEMENT_RESPONSE.set(task, null); // each round's answer is given afresh
        complaint.moveTo(ComplaintStatus.AWAITING_COMPLAINANT);
        records.recordPublic(complaint, Milestone.PROPOSAL_MADE, words.both("settlement.record.offered", describe(proposal)));
        notifications.toComplainant(complaint, MessageType.PROPOSAL, Map.of(
                "proposalRound", String.valueOf(proposal.getRound()),
                "remedy", proposal.getRemedy().label(),
                "amount", proposal.amountForComplainant(),
                "rationale", proposal.getRationale()));
    }

    /**
     * The complainant's answer, recorded by an agent or arriving as message SettlementResponse. The proposal's row is
     * locked first: of two simultaneous answers (two portal requests, or the portal and an agent in the Tasklist) the
     * loser waits, finds the offer answered and is refused with {@link AlreadyDoneException} (409), its transaction
     * rolled back, so the answer is recorded once.
     */
    @Transactional
    public int recordResponse(VariableScope scope) {
        Complaint complaint = complaint(scope);
        lockOffered(complaint);
        SettlementProposal proposal = current(complaint, SettlementProposal.Status.OFFERED);
        String answer = SettlementVariables.SETTLEMENT_RESPONSE.required(scope);
        BigDecimal counterAmount = SettlementVariables.COUNTER_AMOUNT.get(scope);
        String counterReason = SettlementVariables.COUNTER_REASON.get(scope);
        SettlementProposal.Status status = switch (answer) {
            case "ACCEPT" -> SettlementProposal.Status.ACCEPTED;
            case "REJECT" -> SettlementProposal.Status.REJECTED;
            case "COUNTER" -> SettlementProposal.Status.COUNTERED;
            default -> throw InvalidInputException.of(SettlementVariables.SETTLEMENT_RESPONSE.name(), "must be ACCEPT, REJECT or COUNTER");
        };
        if (status == SettlementProposal.Status.COUNTERED && counterAmount == null) {
            throw InvalidInputException.of(SettlementVariables.COUNTER_AMOUNT.name(), "is required for a counter-offer");
        }
        proposal.answered(status, counterAmount, counterReason, records.now());
        if (status == SettlementProposal.Status.ACCEPTED) {
            complaint.moveTo(ComplaintStatus.SETTLEMENT_AGREED);
        } else if (status == SettlementProposal.Status.COUNTERED) {
            complaint.moveTo(ComplaintStatus.UNDER_INVESTIGATION);
        }
        records.recordPublic(complaint, Milestone.SETTLEMENT_RESPONSE, words.both("settlement.record.answered", words.both("settlementResponse." + answer))
                + (counterAmount == null ? "" : " ¥" + counterAmount.toPlainString())
                + (counterReason == null ? "" : ": " + counterReason));
        return SettlementVariables.NEGOTIATION_ROUND.get(scope) + 1;
    }

    /**
     * Locks the complaint's current negotiated proposal (until the transaction ends) and checks that its offer still
     * waits for an answer; otherwise {@link AlreadyDoneException}: a concurrent request answered it first.
     */
    public void lockOffered(Complaint complaint) {
        String status = proposals.lockCurrentNegotiatedStatus(complaint.getId()).orElse(null);
        if (status == null) {
            throw new AlreadyDoneException("Complaint " + complaint.getComplaintNumber() + " has no settlement offer to answer");
        }
        if (!SettlementProposal.Status.OFFERED.name().equals(status)) {
            throw new AlreadyDoneException("The settlement offer of complaint " + complaint.getComplaintNumber()
                    + " has already been answered (" + status + "); this answer was not recorded");
        }
    }

    static String describe(SettlementProposal proposal) {
        return proposal.getRemedy().label() + (proposal.getRemedy().isMonetary() ? " ¥" + proposal.getAmount().toPlainString() : "");
    }

    private Complaint complaint(VariableScope scope) {
        return records.get(ProcessValues.complaintNumber(scope));
    }

    /** The complaint's current negotiated proposal (our record, not a variable), which must be in the given state. */
    SettlementProposal current(Complaint complaint, SettlementProposal.Status... expected) {
        SettlementProposal proposal = proposals.currentNegotiated(complaint.getId())
                .orElseThrow(() -> new IllegalStateException("Complaint " + complaint.getComplaintNumber() + " has no proposal yet"));
        if (!List.of(expected).contains(proposal.getStatus())) {
            throw new IllegalStateException("Proposal round " + proposal.getRound() + " of " + complaint.getComplaintNumber() + " is "
                    + proposal.getStatus() + ", not " + List.of(expected));
        }
        return proposal;
    }

    /** The groups the approval table named for this round (Task_DetermineApprovers' result). */
    private static List<String> approverGroups(VariableScope scope) {
        Object groups = scope.getVariable(SettlementVariables.APPROVER_GROUPS.name());
        return groups instanceof Collection<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** The settlement a court or regulator ordered, as recorded under its reference. */
    public SettlementProposal orderedSettlement(Complaint complaint, SettlementProposal.Source source, String reference) {
        return proposals.findByComplaintIdAndSourceAndSourceReference(complaint.getId(), source, reference)
                .orElseThrow(() -> new IllegalStateException("No settlement recorded for " + complaint.getComplaintNumber() + " under " + reference));
    }

    /**
     * A settlement a court, an arbitration commission or a regulator decided, to be carried out by settlement-execution:
     * written once per source and reference (a case number, a regulator's reference), so a decision recorded twice gives
     * the same proposal, and its remedy is carried out (a refund paid) once.
     */
    @Transactional
    public SettlementProposal ordered(Complaint complaint, SettlementProposal.Source source, String reference, Remedy remedy,
                                      BigDecimal amount, String terms) {
        if (source == SettlementProposal.Source.NEGOTIATION) {
            throw new IllegalArgumentException("A negotiated settlement is proposed, approved and accepted, not ordered");
        }
        if (remedy == null) {
            throw InvalidInputException.of(SettlementVariables.REMEDY.name(), "is required");
        }
        if (remedy.isMonetary() && (amount == null || amount.signum() <= 0)) {
            throw InvalidInputException.of(SettlementVariables.PROPOSED_AMOUNT.name(), "is required and above 0 for " + remedy);
        }
        if (amount != null && amount.compareTo(MAX_AMOUNT) > 0) {
            throw InvalidInputException.of(SettlementVariables.PROPOSED_AMOUNT.name(), "must not exceed " + MAX_AMOUNT.toPlainString());
        }
        return proposals.findByComplaintIdAndSourceAndSourceReference(complaint.getId(), source, reference).orElseGet(() -> {
            int round = (int) proposals.countByComplaintId(complaint.getId()) + 1;
            SettlementProposal proposal = proposals.save(SettlementProposal.ordered(complaint.getId(), round, source, reference, remedy,
                    remedy.isMonetary() ? amount : null, terms, records.currentActor(), records.now()));
            records.recordInternal(complaint, Milestone.PROPOSAL_MADE, words.both(source == SettlementProposal.Source.COURT
                    ? "settlement.record.decidedInCourt" : "settlement.record.orderedByRegulator", String.valueOf(reference))
                    + ": " + remedy.label() + (remedy.isMonetary() ? " ¥" + amount.toPlainString() : ""));
            return proposal;
        });
    }
}
