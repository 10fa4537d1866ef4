package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApprovalRepository extends JpaRepository<ProposalApproval, Long> {

    List<ProposalApproval> findByProposalIdOrderByDecidedAtAsc(Long proposalId);
}
