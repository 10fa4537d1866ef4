package com.complaintdesk.legal;

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

/** A complaint's case in court or before an arbitration commission, as legal-proceedings works it. */
@Entity
@Table(name = "legal_case")
public class LegalCase {

    /** Who went to law. */
    public enum Initiator { COMPLAINANT, COMPANY }

    public enum Forum { COURT, ARBITRATION }

    /** What comes after a hearing. */
    public enum Stage { HEARING, MEDIATION, DECISION }

    /** A judgment (appeal within 15 days of service) or a ruling (10 days): PRC Civil Procedure Law art. 171. */
    public enum DecisionKind { JUDGMENT, RULING }

    public enum DecisionResult { WON, LOST, PARTLY }

    public enum AppealDecision { APPEAL, COMPLY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;
    private String processInstanceId;
    @Enumerated(EnumType.STRING)
    private Initiator initiatedBy;
    @Enumerated(EnumType.STRING)
    private Forum forum;
    private String notice;
    private BigDecimal claimAmount;
    private BigDecimal exposureAmount;
    private String assessment;
    private String counselFirm;
    private String counselLawyer;
    private LocalDate counselEngagedOn;
    private String tribunalName;
    private String caseNumber;
    private LocalDate filedOn;
    private LocalDate servedOn;
    private int hearings;
    private int appeals;
    @Enumerated(EnumType.STRING)
    private DecisionKind decisionKind;
    @Enumerated(EnumType.STRING)
    private DecisionResult decisionResult;
    private BigDecimal awardedAmount;
    private LocalDate decisionServedOn;
    private Instant appealDeadline;
    private String outcome;
    private Instant openedAt;
    private Instant concludedAt;

    protected LegalCase() {
    }

    LegalCase(Long complaintId, String processInstanceId, Initiator initiatedBy, Forum forum, String notice, Instant openedAt) {
        this.complaintId = complaintId;
        this.processInstanceId = processInstanceId;
        this.initiatedBy = initiatedBy;
        this.forum = forum;
        this.notice = notice;
        this.openedAt = openedAt;
    }

    void assessed(BigDecimal claimAmount, BigDecimal exposureAmount, String assessment) {
        this.claimAmount = claimAmount;
        this.exposureAmount = exposureAmount;
        this.assessment = assessment;
    }

    void counselEngaged(String firm, String lawyer, LocalDate engagedOn) {
        this.counselFirm = firm;
        this.counselLawyer = lawyer;
        this.counselEngagedOn = engagedOn;
    }

    void filed(Forum forum, String tribunalName, String caseNumber, LocalDate filedOn, LocalDate servedOn) {
        if (this.caseNumber != null) {
            appeals++;
        }
        this.forum = forum;
        this.tribunalName = tribunalName;
        this.caseNumber = caseNumber;
        this.filedOn = filedOn;
        this.servedOn = servedOn;
    }

    int hearingHeld() {
        return ++hearings;
    }

    void decided(DecisionKind kind, DecisionResult result, BigDecimal awardedAmount, LocalDate servedOn, Instant appealDeadline) {
        this.decisionKind = kind;
        this.decisionResult = result;
        this.awardedAmount = awardedAmount;
        this.decisionServedOn = servedOn;
        this.appealDeadline = appealDeadline;
    }

    void concluded(String outcome, Instant at) {
        this.outcome = outcome;
        this.concludedAt = at;
    }

    public Long getId() { return id; }
    public Long getComplaintId() { return complaintId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Initiator getInitiatedBy() { return initiatedBy; }
    public Forum getForum() { return forum; }
    public String getNotice() { return notice; }
    public BigDecimal getClaimAmount() { return claimAmount; }
    public BigDecimal getExposureAmount() { return exposureAmount; }
    public String getAssessment() { return assessment; }
    public String getCounselFirm() { return counselFirm; }
    public String getCounselLawyer() { return counselLawyer; }
    public LocalDate getCounselEngagedOn() { return counselEngagedOn; }
    public String getTribunalName() { return tribunalName; }
    public String getCaseNumber() { return caseNumber; }
    public LocalDate getFiledOn() { return filedOn; }
    public LocalDate getServedOn() { return servedOn; }
    public int getHearings() { return hearings; }
    public int getAppeals() { return appeals; }
    public DecisionKind getDecisionKind() { return decisionKind; }
    public DecisionResult getDecisionResult() { return decisionResult; }
    public BigDecimal getAwardedAmount() { return awardedAmount; }
    public LocalDate getDecisionServedOn() { return decisionServedOn; }
    public Instant getAppealDeadline() { return appealDeadline; }
    public String getOutcome() { return outcome; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getConcludedAt() { return concludedAt; }
}
