package com.complaintdesk.referral;

import static com.complaintdesk.shared.BusinessTime.ZONE;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintTransaction;
import com.complaintdesk.investigation.FeeAuditRecord;
import com.complaintdesk.settlement.ComplaintLetter;
import com.complaintdesk.settlement.DeviceServiceOrder;
import com.complaintdesk.settlement.LedgerEntry;
import com.complaintdesk.settlement.ProposalApproval;
import com.complaintdesk.settlement.SettlementAgreement;
import com.complaintdesk.settlement.SettlementProposal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What the dossier's JSON files hold, field by field: the stored records as they are, every time as China Standard
 * Time with its offset ("2026-11-26T10:00:00+08:00"), no database ids.
 */
final class DossierJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZONE);

    private DossierJson() {
    }

    /** An instant as the dossier writes it everywhere, JSON and CSV alike; null stays null. */
    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    // ---- complaint.json ----

    record ComplaintFile(String complaintNumber, String channel, Complainant complainant, String terminalSerial,
                         String category, String subCategory, boolean viaSalesPromotion, String department, String priority,
                         String status, String outcome, String rootCause, String closingSummary, String duplicateOf,
                         String registeredBy, String registeredAt, String decisionDueAt, LocalDate decisionDueDate,
                         int extendedDays, String extensionReason, boolean deadlineBreached, String closedAt,
                         String description, BigDecimal contractedRatePercent, List<Transaction> transactions) {

        static ComplaintFile of(Complaint c) {
            var who = c.getComplainant();
            return new ComplaintFile(c.getComplaintNumber(), name(c.getChannel()),
                    new Complainant(who.name(), who.phone(), who.email(), who.merchantId()), c.getTerminalSerial(),
                    name(c.getCategory()), c.getSubCategory(), c.isViaSalesPromotion(), c.getDepartment(), name(c.getPriority()),
                    name(c.getStatus()), name(c.getOutcome()), name(c.getRootCause()), c.getClosingSummary(), c.getDuplicateOf(),
                    c.getRegisteredBy(), time(c.getRegisteredAt()), time(c.getDecisionDueAt()),
                    c.getDecisionDueAt() == null ? null : c.getDecisionDueAt().atZone(ZONE).toLocalDate(),
                    c.getExtendedDays(), c.getExtensionReason(), c.isDeadlineBreached(), time(c.getClosedAt()),
                    c.getDescription(), c.getContractedRatePercent(),
                    c.getTransactions().stream().map(Transaction::of).toList());
        }
    }

    record Complainant(String name, String phone, String email, String merchantId) {
    }

    record Transaction(String reference, String occurredAt, BigDecimal amount, BigDecimal feeCharged, BigDecimal expectedFee,
                       BigDecimal overcharge) {

        static Transaction of(ComplaintTransaction tx) {
            return new Transaction(tx.getReference(), time(tx.getOccurredAt()), tx.getAmount(), tx.getFeeCharged(),
                    tx.getExpectedFee(), tx.getOvercharge());
        }
    }

    // ---- fee-audit.json ----

    record FeeAudit(BigDecimal contractedRatePercent, BigDecimal totalCharged, BigDecimal totalExpected, BigDecimal computedRefund,
                    String computedAt, BigDecimal confirmedRefund, String adjustmentReason, String confirmedBy, String confirmedAt) {

        static FeeAudit of(FeeAuditRecord a) {
            return new FeeAudit(a.getContractedRatePercent(), a.getTotalCharged(), a.getTotalExpected(), a.getComputedRefund(),
                    time(a.getComputedAt()), a.getConfirmedRefund(), a.getAdjustmentReason(), a.getConfirmedBy(),
                    time(a.getConfirmedAt()));
        }
    }

    // ---- settlement.json ----

    record SettlementFile(List<Proposal> proposals, List<Agreement> agreements, List<Payment> ledgerEntries,
                          List<DeviceOrder> deviceServiceOrders, List<Letter> letters) {
    }

    /** A settlement proposal; source NEGOTIATION, or COURT / REGULATOR with the case number or regulator's reference. */
    record Proposal(int round, String source, String sourceReference, String remedy, BigDecimal amount, String rationale,
                    String rootCause, String status, String proposedBy, String proposedAt, BigDecimal counterAmount,
                    String counterReason, String respondedAt, List<Approval> approvals) {

        static Proposal of(SettlementProposal p, List<ProposalApproval> approvals) {
            return new Proposal(p.getRound(), name(p.getSource()), p.getSourceReference(), name(p.getRemedy()), p.getAmount(),
                    p.getRationale(), name(p.getRootCause()),
                    name(p.getStatus()), p.getProposedBy(), time(p.getProposedAt()), p.getCounterAmount(), p.getCounterReason(),
                    time(p.getRespondedAt()), approvals.stream().map(Approval::of).toList());
        }
    }

    record Approval(String approverGroup, boolean approved, String comment, String decidedBy, String decidedAt) {

        static Approval of(ProposalApproval a) {
            return new Approval(a.getApproverGroup(), a.isApproved(), a.getComment(), a.getDecidedBy(), time(a.getDecidedAt()));
        }
    }

    /** An agreement; its text is the file named, whose SHA-256 the dossier checked against the stored one. */
    record Agreement(String agreementNumber, Integer proposalRound, String file, String sha256, String createdAt, boolean signed,
                     String signatureMethod, LocalDate signedOn, String signedRecordedBy) {

        static Agreement of(SettlementAgreement a, Integer round, String file) {
            return new Agreement(a.getAgreementNumber(), round, file, a.getSha256(), time(a.getCreatedAt()), a.isSigned(),
                    a.getSignatureMethod(), a.getSignedOn(), a.getSignedRecordedBy());
        }
    }

    record Payment(String kind, BigDecimal amount, String createdAt, String idempotencyKey) {

        static Payment of(LedgerEntry e) {
            return new Payment(name(e.getKind()), e.getAmount(), time(e.getCreatedAt()), e.getIdempotencyKey());
        }
    }

    record DeviceOrder(String kind, String terminalSerial, String createdAt, String idempotencyKey) {

        static DeviceOrder of(DeviceServiceOrder o) {
            return new DeviceOrder(name(o.getKind()), o.getTerminalSerial(), time(o.getCreatedAt()), o.getIdempotencyKey());
        }
    }

    /** A letter sent; its text is the file named, with that text's SHA-256 (letters store none of their own). */
    record Letter(String kind, String createdAt, String file, String sha256) {

        static Letter of(ComplaintLetter l, String file, String sha256) {
            return new Letter(name(l.getKind()), time(l.getCreatedAt()), file, sha256);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
