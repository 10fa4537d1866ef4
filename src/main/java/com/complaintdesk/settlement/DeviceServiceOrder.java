package com.complaintdesk.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A repair or replacement ordered for the complainant's terminal; unique by idempotency key. */
@Entity
@Table(name = "device_service_order")
public class DeviceServiceOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    private Remedy kind;

    private String terminalSerial;
    private Instant createdAt;

    protected DeviceServiceOrder() {
    }

    DeviceServiceOrder(Long complaintId, String idempotencyKey, Remedy kind, String terminalSerial, Instant createdAt) {
        this.complaintId = complaintId;
        this.idempotencyKey = idempotencyKey;
        this.kind = kind;
        this.terminalSerial = terminalSerial;
        this.createdAt = createdAt;
    }

    public Long getComplaintId() { return complaintId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public Remedy getKind() { return kind; }
    public String getTerminalSerial() { return terminalSerial; }
    public Instant getCreatedAt() { return createdAt; }
}
