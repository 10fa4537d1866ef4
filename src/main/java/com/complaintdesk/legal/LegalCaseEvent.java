package com.complaintdesk.legal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One step of a legal case, in order: what was filed, heard, mediated, decided or appealed, and who recorded it. */
@Entity
@Table(name = "legal_case_event")
public class LegalCaseEvent {

    public enum Kind { NOTICE, ASSESSMENT, COUNSEL, FILING, HEARING, MEDIATION, DECISION, APPEAL, COMPLIANCE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long legalCaseId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private LocalDate occurredOn;
    private String detail;
    private String recordedBy;
    private Instant recordedAt;

    protected LegalCaseEvent() {
    }

    LegalCaseEvent(Long legalCaseId, Kind kind, LocalDate occurredOn, String detail, String recordedBy, Instant recordedAt) {
        this.legalCaseId = legalCaseId;
        this.kind = kind;
        this.occurredOn = occurredOn;
        this.detail = detail.length() <= 4000 ? detail : detail.substring(0, 3997) + "...";
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getLegalCaseId() { return legalCaseId; }
    public Kind getKind() { return kind; }
    public LocalDate getOccurredOn() { return occurredOn; }
    public String getDetail() { return detail; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
