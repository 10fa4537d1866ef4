package com.complaintdesk.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One milestone of a complaint's life. Append-only: entries are inserted and never changed. */
@Entity
@Immutable
@Table(name = "timeline_entry")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    private Milestone milestone;

    private String detail;
    private String actor;
    private boolean publicEntry;

    protected TimelineEntry() {
    }

    TimelineEntry(Long complaintId, Instant occurredAt, Milestone milestone, String detail, String actor, boolean publicEntry) {
        this.complaintId = complaintId;
        this.occurredAt = occurredAt;
        this.milestone = milestone;
        this.detail = detail;
        this.actor = actor;
        this.publicEntry = publicEntry;
    }

    public Long getId() { return id; }
    public Long getComplaintId() { return complaintId; }
    public Instant getOccurredAt() { return occurredAt; }
    public Milestone getMilestone() { return milestone; }
    public String getDetail() { return detail; }
    public String getActor() { return actor; }
    public boolean isPublicEntry() { return publicEntry; }
}
