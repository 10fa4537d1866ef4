package com.complaintdesk.referral;

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
import java.time.LocalDate;

/** A regulator's referral of a complaint and how we answered it, as regulator-referral works it. */
@Entity
@Table(name = "regulator_referral")
public class RegulatorReferral {

    public enum SubmissionChannel { REGULATOR_PLATFORM, EMAIL, POST, IN_PERSON }

    public enum Decision { NO_ACTION, REMEDY_ORDERED, MEDIATED }

    private static final String MOVING = "MOVING";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;
    private String processInstanceId;
    @Enumerated(EnumType.STRING)
    private Regulator regulator;
    private String reference;
    private LocalDate receivedOn;
    private Instant responseDueAt;
    private String summary;
    private String response;
    private String responseApprovedBy;
    private Instant responseApprovedAt;
    private LocalDate submittedOn;
    @Enumerated(EnumType.STRING)
    private SubmissionChannel submissionChannel;
    private String submissionReference;
    private String submittedBy;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private LocalDate decidedOn;
    private String decisionSummary;
    private String orderedRemedy;
    private BigDecimal orderedAmount;
    private Long proposalId;
    private LocalDate compliedOn;
    private String complianceNote;
    private String outcome;
    private Instant receivedAt;
    private Instant concludedAt;

    protected RegulatorReferral() {
    }

    RegulatorReferral(Long complaintId, String processInstanceId, Regulator regulator, String reference, LocalDate receivedOn,
                      Instant responseDueAt, String summary, Instant receivedAt) {
        this.complaintId = complaintId;
        this.processInstanceId = processInstanceId;
        this.regulator = regulator;
        this.reference = reference;
        this.receivedOn = receivedOn;
        this.responseDueAt = responseDueAt;
        this.summary = summary;
        this.receivedAt = receivedAt;
    }

    void prepared(String response) {
        this.response = response;
        this.responseApprovedBy = null;
        this.responseApprovedAt = null;
    }

    void approved(String by, Instant at) {
        this.responseApprovedBy = by;
        this.responseApprovedAt = at;
    }

    void submitted(LocalDate on, SubmissionChannel channel, String reference, String by) {
        this.submittedOn = on;
        this.submissionChannel = channel;
        this.submissionReference = reference;
        this.submittedBy = by;
    }

    void decided(Decision decision, LocalDate on, String summary, String remedy, BigDecimal amount, Long proposalId) {
        this.decision = decision;
        this.decidedOn = on;
        this.decisionSummary = summary;
        this.orderedRemedy = remedy;
        this.orderedAmount = amount;
        this.proposalId = proposalId;
    }

    void complied(LocalDate on, String note) {
        this.compliedOn = on;
        this.complianceNote = note;
    }

    /** Legal action ended the complaint's handling while this referral was being answered: it moves to a follow-up. */
    void moving() {
        this.outcome = MOVING;
    }

    boolean isMoving() {
        return MOVING.equals(outcome);
    }

    /** The follow-up complaint's referral process takes this referral over, from the start of the response. */
    void adoptedBy(Long complaintId, String processInstanceId) {
        this.complaintId = complaintId;
        this.processInstanceId = processInstanceId;
        this.outcome = null;
    }

    void concluded(String outcome, Instant at) {
        this.outcome = outcome;
        this.concludedAt = at;
    }

    public Long getId() { return id; }
    public Long getComplaintId() { return complaintId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Regulator getRegulator() { return regulator; }
    public String getReference() { return reference; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public Instant getResponseDueAt() { return responseDueAt; }
    public String getSummary() { return summary; }
    public String getResponse() { return response; }
    public String getResponseApprovedBy() { return responseApprovedBy; }
    public Instant getResponseApprovedAt() { return responseApprovedAt; }
    public LocalDate getSubmittedOn() { return submittedOn; }
    public SubmissionChannel getSubmissionChannel() { return submissionChannel; }
    public String getSubmissionReference() { return submissionReference; }
    public String getSubmittedBy() { return submittedBy; }
    public Decision getDecision() { return decision; }
    public LocalDate getDecidedOn() { return decidedOn; }
    public String getDecisionSummary() { return decisionSummary; }
    public String getOrderedRemedy() { return orderedRemedy; }
    public BigDecimal getOrderedAmount() { return orderedAmount; }
    public Long getProposalId() { return proposalId; }
    public LocalDate getCompliedOn() { return compliedOn; }
    public String getComplianceNote() { return complianceNote; }
    public String getOutcome() { return outcome; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getConcludedAt() { return concludedAt; }
}
