package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProposalRepository extends JpaRepository<SettlementProposal, Long> {

    List<SettlementProposal> findByComplaintIdOrderByRoundAsc(Long complaintId);

    long countByComplaintId(Long complaintId);

    /** The complaint's current negotiated proposal: the latest round. */
    Optional<SettlementProposal> findFirstByComplaintIdAndSourceOrderByRoundDesc(Long complaintId, SettlementProposal.Source source);

    /**
     * The status of the complaint's current negotiated proposal, its row locked (select ... for update) until the
     * transaction ends: of two simultaneous answers to one offer the second waits here and then reads the first one's
     * committed answer. Read past the persistence context, so never a stale status.
     */
    @Query(value = "select status from settlement_proposal where complaint_id = :complaintId and source = 'NEGOTIATION'"
            + " order by round desc limit 1 for update", nativeQuery = true)
    Optional<String> lockCurrentNegotiatedStatus(@Param("complaintId") Long complaintId);

    List<SettlementProposal> findByComplaintIdAndStatusOrderByRoundDesc(Long complaintId, SettlementProposal.Status status);

    Optional<SettlementProposal> findByComplaintIdAndSourceAndSourceReference(Long complaintId, SettlementProposal.Source source,
                                                                             String sourceReference);
}
