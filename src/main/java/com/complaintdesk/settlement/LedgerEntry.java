package com.complaintdesk.settlement;

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

/** Money paid to a complainant. Unique by idempotency key: executing the same step twice never pays twice. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    private Remedy kind;

    private BigDecimal amount;
    private Instant createdAt;

    protected LedgerEntry() {
    }

    LedgerEntry(Long complaintId, String idempotencyKey, Remedy kind, BigDecimal amount, Instant createdAt) {
        this.complaintId = complaintId;
        this.idempotencyKey = idempotencyKey;
        this.kind = kind;
        this.amount = amount;
        this.createdAt = createdAt;
    }

    public Long getComplaintId() { return complaintId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public Remedy getKind() { return kind; }
    public BigDecimal getAmount() { return amount; }
    public Instant getCreatedAt() { return createdAt; }
}
