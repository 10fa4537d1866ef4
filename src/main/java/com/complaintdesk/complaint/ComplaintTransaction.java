package com.complaintdesk.complaint;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A card transaction the complaint is about: the basis of a fee audit. */
@Entity
@Table(name = "complaint_transaction")
public class ComplaintTransaction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "complaint_id")
    private Complaint complaint;

    private String reference;
    private Instant occurredAt;
    private BigDecimal amount;
    private BigDecimal feeCharged;
    private BigDecimal expectedFee;
    private BigDecimal overcharge;

    protected ComplaintTransaction() {
    }

    ComplaintTransaction(Complaint complaint, String reference, Instant occurredAt, BigDecimal amount, BigDecimal feeCharged) {
        this.complaint = complaint;
        this.reference = reference;
        this.occurredAt = occurredAt;
        this.amount = amount;
        this.feeCharged = feeCharged;
    }

    public void recordAudit(BigDecimal expectedFee, BigDecimal overcharge) {
        this.expectedFee = expectedFee;
        this.overcharge = overcharge;
    }

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public Instant getOccurredAt() { return occurredAt; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getFeeCharged() { return feeCharged; }
    public BigDecimal getExpectedFee() { return expectedFee; }
    public BigDecimal getOvercharge() { return overcharge; }
}
