package com.complaintdesk.settlement;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.RootCause;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A resolution proposal: one per round (a refusal or a counter-offer leads to a new one). */
@Entity
@Table(name = "settlement_proposal")
public class SettlementProposal {

    public enum Status { PROPOSED, REFUSED, OFFERED, ACCEPTED, REJECTED, COUNTERED }

    /** Who decided the settlement: a negotiation with the complainant, a court or arbitration, or a regulator. */
    public enum Source { NEGOTIATION, COURT, REGULATOR }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    private int round;

    @Enumerated(EnumType.STRING)
    private Remedy remedy;

    private BigDecimal amount;
    private String rationale;

    @Enumerated(EnumType.STRING)
    private RootCause rootCause;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String proposedBy;
    private Instant proposedAt;
    private BigDecimal counterAmount;
    private String counterReason;
    private Instant respondedAt;
    @Enumerated(EnumType.STRING)
    private Source source = Source.NEGOTIATION;
    /** The court's case number or the regulator's reference: one settlement per source and reference. */
    private String sourceReference;

    protected SettlementProposal() {
    }

    SettlementProposal(Long complaintId, int round, Remedy remedy, BigDecimal amount, String rationale, RootCause rootCause,
                       String proposedBy, Instant proposedAt) {
        this.complaintId = complaintId;
        this.round = round;
        this.remedy = remedy;
        this.amount = amount;
        this.rationale = rationale;
        this.rootCause = rootCause;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.status = Status.PROPOSED;
    }

    /** A settlement decided outside the negotiation (court, arbitration, regulator): accepted as it is ordered. */
    static SettlementProposal ordered(Long complaintId, int round, Source source, String sourceReference, Remedy remedy,
                                      BigDecimal amount, String rationale, String recordedBy, Instant at) {
        SettlementProposal proposal = new SettlementProposal(complaintId, round, remedy, amount, rationale, null, recordedBy, at);
        proposal.source = source;
        proposal.sourceReference = sourceReference;
        proposal.status = Status.ACCEPTED;
        proposal.respondedAt = at;
        return proposal;
    }

    void moveTo(Status status) {
        this.status = status;
    }

    void answered(Status answer, BigDecimal counterAmount, String counterReason, Instant at) {
        this.status = answer;
        this.counterAmount = counterAmount;
        this.counterReason = counterReason;
        this.respondedAt = at;
    }

    public Long getId() { return id; }
    public Long getComplaintId() { return complaintId; }
    public int getRound() { return round; }
    public Remedy getRemedy() { return remedy; }
    public BigDecimal getAmount() { return amount; }
    public String getRationale() { return rationale; }
    public RootCause getRootCause() { return rootCause; }
    public Status getStatus() { return status; }
    public String getProposedBy() { return proposedBy; }
    public Instant getProposedAt() { return proposedAt; }
    public BigDecimal getCounterAmount() { return counterAmount; }
    public String getCounterReason() { return counterReason; }
    public Instant getRespondedAt() { return respondedAt; }
    public Source getSource() { return source; }
    public String getSourceReference() { return sourceReference; }

    /** The amount as the complainant reads it: "¥18.00", a device's value, or that no money is involved. */
    String amountForComplainant() {
        if (remedy.isMonetary()) {
            return "¥" + amount.toPlainString();
        }
        if (remedy.isDeviceService() && amount != null && amount.signum() > 0) {
            return BundleWords.both("offer.amount.noPaymentWorth", amount.toPlainString());
        }
        return BundleWords.both("offer.amount.noPayment");
    }
}
