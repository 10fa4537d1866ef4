package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ApprovalRepository extends JpaRepository<ProposalApproval, Long> {

    /** JPQL rather than a derived query: its SQL is kept (see ProposalRepository.latestRounds). */
    @Query("select a from ProposalApproval a where a.proposalId = :proposalId order by a.decidedAt asc")
    List<ProposalApproval> findByProposalIdOrderByDecidedAtAsc(@Param("proposalId") Long proposalId);
}
