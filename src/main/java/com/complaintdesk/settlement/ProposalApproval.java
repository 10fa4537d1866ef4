package com.complaintdesk.settlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One approver group's decision on a proposal (tiers from DMN settlement-approval). */
@Entity
@Table(name = "proposal_approval")
public class ProposalApproval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;

    private String approverGroup;
    private boolean approved;

    @Column(name = "comment_text")
    private String comment;

    private String decidedBy;
    private Instant decidedAt;

    protected ProposalApproval() {
    }

    ProposalApproval(Long proposalId, String approverGroup, boolean approved, String comment, String decidedBy, Instant decidedAt) {
        this.proposalId = proposalId;
        this.approverGroup = approverGroup;
        this.approved = approved;
        this.comment = comment;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getProposalId() { return proposalId; }
    public String getApproverGroup() { return approverGroup; }
    public boolean isApproved() { return approved; }
    public String getComment() { return comment; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
}
