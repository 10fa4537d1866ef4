package com.complaintdesk.investigation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A fee audit of a complaint's transactions against the merchant's contracted rate, and what compliance confirmed. */
@Entity
@Table(name = "fee_audit")
public class FeeAuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    private BigDecimal contractedRatePercent;
    private BigDecimal totalCharged;
    private BigDecimal totalExpected;
    private BigDecimal computedRefund;
    private BigDecimal confirmedRefund;
    private String adjustmentReason;
    private Instant computedAt;
    private String confirmedBy;
    private Instant confirmedAt;

    protected FeeAuditRecord() {
    }

    FeeAuditRecord(Long complaintId) {
        this.complaintId = complaintId;
    }

    void computed(BigDecimal rate, BigDecimal totalCharged, BigDecimal totalExpected, BigDecimal refund, Instant at) {
        this.contractedRatePercent = rate;
        this.totalCharged = totalCharged;
        this.totalExpected = totalExpected;
        this.computedRefund = refund;
        this.computedAt = at;
        this.confirmedRefund = null;
        this.adjustmentReason = null;
        this.confirmedBy = null;
        this.confirmedAt = null;
    }

    void confirmed(BigDecimal refund, String reason, String by, Instant at) {
        this.confirmedRefund = refund;
        this.adjustmentReason = reason;
        this.confirmedBy = by;
        this.confirmedAt = at;
    }

    public Long getComplaintId() { return complaintId; }
    public BigDecimal getContractedRatePercent() { return contractedRatePercent; }
    public BigDecimal getTotalCharged() { return totalCharged; }
    public BigDecimal getTotalExpected() { return totalExpected; }
    public BigDecimal getComputedRefund() { return computedRefund; }
    public BigDecimal getConfirmedRefund() { return confirmedRefund; }
    public String getAdjustmentReason() { return adjustmentReason; }
    public Instant getComputedAt() { return computedAt; }
    public String getConfirmedBy() { return confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
}
