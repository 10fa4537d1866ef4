package com.complaintdesk.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The settlement agreement: its text as rendered from the template, the text's SHA-256, and the signature. */
@Entity
@Table(name = "settlement_agreement")
public class SettlementAgreement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    private Long proposalId;
    private String agreementNumber;
    private String body;
    private String sha256;
    private Instant createdAt;
    private boolean signed;
    private String signatureMethod;
    private LocalDate signedOn;
    private String signedRecordedBy;

    protected SettlementAgreement() {
    }

    SettlementAgreement(Long complaintId, Long proposalId, String agreementNumber, String body, String sha256, Instant createdAt) {
        this.complaintId = complaintId;
        this.proposalId = proposalId;
        this.agreementNumber = agreementNumber;
        this.body = body;
        this.sha256 = sha256;
        this.createdAt = createdAt;
    }

    void sign(String method, LocalDate on, String recordedBy) {
        this.signed = true;
        this.signatureMethod = method;
        this.signedOn = on;
        this.signedRecordedBy = recordedBy;
    }

    public Long getId() { return id; }
    public Long getComplaintId() { return complaintId; }
    public Long getProposalId() { return proposalId; }
    public String getAgreementNumber() { return agreementNumber; }
    public String getBody() { return body; }
    public String getSha256() { return sha256; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isSigned() { return signed; }
    public String getSignatureMethod() { return signatureMethod; }
    public LocalDate getSignedOn() { return signedOn; }
    public String getSignedRecordedBy() { return signedRecordedBy; }
}
