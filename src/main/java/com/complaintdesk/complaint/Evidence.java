package com.complaintdesk.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A piece of evidence: a transaction record, a fault photo, a contract... received online, by phone or by mail. */
@Entity
@Table(name = "evidence")
public class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    private String evidenceType;
    private String fileName;
    private String contentType;
    private Long sizeBytes;
    private String sha256;
    private String description;
    private String addedBy;
    private Instant addedAt;

    protected Evidence() {
    }

    public Evidence(Long complaintId, String evidenceType, String fileName, String contentType, Long sizeBytes, String sha256,
                    String description, String addedBy, Instant addedAt) {
        this.complaintId = complaintId;
        this.evidenceType = evidenceType;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.description = description;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public Long getId() { return id; }
    public Long getComplaintId() { return complaintId; }
    public String getEvidenceType() { return evidenceType; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public Long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public String getDescription() { return description; }
    public String getAddedBy() { return addedBy; }
    public Instant getAddedAt() { return addedAt; }
}
