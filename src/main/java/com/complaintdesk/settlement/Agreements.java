package com.complaintdesk.settlement;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.complaint.Words;
import com.complaintdesk.notification.MessageType;
import com.complaintdesk.notification.Notifications;
import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.shared.Letters;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settlement agreement: drafted from templates/settlement-agreement.txt and stored with its SHA-256
 * (Task_DraftAgreement), then signed (Task_SignAgreement, listener ${agreements.signed(task)}).
 */
@Component("agreements")
public class Agreements {

    static final Set<String> SIGNATURE_METHODS = Set.of("PHONE_RECORDING", "ONLINE_CONFIRMATION", "PAPER_SIGNATURE");

    private final ComplaintRecords records;
    private final ProposalRepository proposals;
    private final AgreementRepository agreements;
    private final Letters letters;
    private final Notifications notifications;
    private final Words words;

    Agreements(ComplaintRecords records, ProposalRepository proposals, AgreementRepository agreements, Letters letters,
               Notifications notifications, Words words) {
        this.words = words;
        this.records = records;
        this.proposals = proposals;
        this.agreements = agreements;
        this.letters = letters;
        this.notifications = notifications;
    }

    /** The agreement for the complaint's accepted proposal (our record: the latest negotiated round, accepted). */
    @Transactional
    public SettlementAgreement draft(String complaintNumber) {
        Complaint complaint = records.get(complaintNumber);
        SettlementProposal proposal = accepted(complaint);
        long proposalId = proposal.getId();
        String number = complaintNumber + "-A" + proposal.getRound();
        var existing = agreements.findByAgreementNumber(number);
        if (existing.isPresent()) {
            return existing.get(); // drafted before (a retried step): one agreement per proposal
        }
        LocalDate today = records.now().atZone(BusinessTime.ZONE).toLocalDate();
        String body = letters.render("settlement-agreement.txt", Map.of(
                "agreementNumber", number,
                "complaintNumber", complaintNumber,
                "complainantName", complaint.getComplainant().name(),
                "merchantId", complaint.getComplainant().merchantId(),
                "terminalSerial", complaint.getTerminalSerial() == null ? "—" : complaint.getTerminalSerial(),
                "remedy", proposal.getRemedy().label(),
                "amount", proposal.getAmount().toPlainString(),
                "rationale", proposal.getRationale(),
                "date", today.toString()));
        SettlementAgreement agreement = agreements.save(new SettlementAgreement(complaint.getId(), proposalId, number, body,
                Letters.sha256(body), records.now()));
        records.recordPublic(complaint, Milestone.AGREEMENT_DRAFTED, words.both("settlement.record.agreementDrafted", number,
                agreement.getSha256()));
        notifications.toComplainant(complaint, MessageType.AGREEMENT, Map.of(
                "agreementNumber", number,
                "agreementSha256", agreement.getSha256(),
                "remedy", proposal.getRemedy().label(),
                "amount", proposal.amountForComplainant()));
        return agreement;
    }

    @Transactional
    public void signed(DelegateTask task) {
        boolean signed = SettlementVariables.AGREEMENT_SIGNED.get(task);
        SettlementVariables.AGREEMENT_SIGNED.set(task, signed);
        Complaint complaint = records.get(ProcessValues.complaintNumber(task));
        SettlementProposal proposal = accepted(complaint);
        SettlementAgreement agreement = agreements.findByProposalId(proposal.getId()).orElseThrow(() -> new IllegalStateException(
                "No agreement drafted for proposal round " + proposal.getRound() + " of " + complaint.getComplaintNumber()));
        if (!signed) {
            records.recordPublic(complaint, Milestone.AGREEMENT_SIGNED, words.both("settlement.record.notSigned", agreement.getAgreementNumber()));
            return;
        }
        String method = SettlementVariables.SIGNATURE_METHOD.required(task);
        if (!SIGNATURE_METHODS.contains(method)) {
            throw InvalidInputException.of(SettlementVariables.SIGNATURE_METHOD.name(), "must be one of " + SIGNATURE_METHODS.stream().sorted().toList());
        }
        LocalDate today = records.now().atZone(BusinessTime.ZONE).toLocalDate();
        LocalDate on = SettlementVariables.SIGNED_ON.get(task);
        LocalDate registered = complaint.getRegisteredAt().atZone(BusinessTime.ZONE).toLocalDate();
        if (on != null && on.isBefore(registered)) {
            throw InvalidInputException.of(SettlementVariables.SIGNED_ON.name(), "cannot be before the complaint was registered on " + registered);
        }
        if (on != null && on.isAfter(today)) {
            throw InvalidInputException.of(SettlementVariables.SIGNED_ON.name(), "cannot be in the future");
        }
        agreement.sign(method, on != null ? on : today, records.currentActor());
        records.recordPublic(complaint, Milestone.AGREEMENT_SIGNED, words.both("settlement.record.signed", agreement.getAgreementNumber(),
                words.both("signatureMethod." + method)));
    }

    private SettlementProposal accepted(Complaint complaint) {
        SettlementProposal proposal = proposals.currentNegotiated(complaint.getId())
                .orElseThrow(() -> new IllegalStateException("Complaint " + complaint.getComplaintNumber() + " has no proposal"));
        if (proposal.getStatus() != SettlementProposal.Status.ACCEPTED) {
            throw new IllegalStateException("Proposal round " + proposal.getRound() + " of " + complaint.getComplaintNumber() + " is "
                    + proposal.getStatus() + ": only an accepted proposal has an agreement");
        }
        return proposal;
    }
}
