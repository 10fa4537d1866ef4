package com.complaintdesk.investigation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a department found at one step of its investigation. */
@Entity
@Table(name = "investigation_finding")
public class InvestigationFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    private String department;
    private String step;
    private String summary;
    private String details;
    private String recordedBy;
    private Instant recordedAt;

    protected InvestigationFinding() {
    }

    InvestigationFinding(Long complaintId, String department, String step, String summary, String details,
                         String recordedBy, Instant recordedAt) {
        this.complaintId = complaintId;
        this.department = department;
        this.step = step;
        this.summary = summary;
        this.details = details;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getComplaintId() { return complaintId; }
    public String getDepartment() { return department; }
    public String getStep() { return step; }
    public String getSummary() { return summary; }
    public String getDetails() { return details; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
