package com.complaintdesk.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A letter to the complainant: an explanation, an apology or the final response. Unique by idempotency key. */
@Entity
@Table(name = "complaint_letter")
public class ComplaintLetter {

    public enum Kind { EXPLANATION, APOLOGY, FINAL_RESPONSE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    private String idempotencyKey;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    private String body;
    private Instant createdAt;

    protected ComplaintLetter() {
    }

    ComplaintLetter(Long complaintId, String idempotencyKey, Kind kind, String body, Instant createdAt) {
        this.complaintId = complaintId;
        this.idempotencyKey = idempotencyKey;
        this.kind = kind;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long getComplaintId() { return complaintId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public Kind getKind() { return kind; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
}
