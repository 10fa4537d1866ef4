package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProposalRepository extends JpaRepository<SettlementProposal, Long> {

    List<SettlementProposal> findByComplaintIdOrderByRoundAsc(Long complaintId);

    long countByComplaintId(Long complaintId);

    /** The complaint's current negotiated proposal: the latest round. */
    Optional<SettlementProposal> findFirstByComplaintIdAndSourceOrderByRoundDesc(Long complaintId, SettlementProposal.Source source);

    List<SettlementProposal> findByComplaintIdAndStatusOrderByRoundDesc(Long complaintId, SettlementProposal.Status status);

    Optional<SettlementProposal> findByComplaintIdAndSourceAndSourceReference(Long complaintId, SettlementProposal.Source source,
                                                                             String sourceReference);
}
