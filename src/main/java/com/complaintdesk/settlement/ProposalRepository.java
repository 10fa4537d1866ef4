package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProposalRepository extends JpaRepository<SettlementProposal, Long> {

    List<SettlementProposal> findByComplaintIdOrderByRoundAsc(Long complaintId);

    long countByComplaintId(Long complaintId);

    Optional<SettlementProposal> findByComplaintIdAndSourceAndSourceReference(Long complaintId, SettlementProposal.Source source,
                                                                             String sourceReference);
}
