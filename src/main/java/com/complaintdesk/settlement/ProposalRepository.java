package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ProposalRepository extends JpaRepository<SettlementProposal, Long> {

    List<SettlementProposal> findByComplaintIdOrderByRoundAsc(Long complaintId);

    // the steps' look-ups as JPQL rather than derived queries: their SQL is kept (see latestRounds)
    @Query("select count(p) from SettlementProposal p where p.complaintId = :complaintId")
    long countByComplaintId(@Param("complaintId") Long complaintId);

    /** The complaint's current negotiated proposal: the latest round. */
    default Optional<SettlementProposal> currentNegotiated(Long complaintId) {
        return latestRounds(complaintId, SettlementProposal.Source.NEGOTIATION, PageRequest.of(0, 1)).stream().findFirst();
    }

    /**
     * The complaint's proposals from one source, the latest round first (ask for a page). A JPQL string rather than a
     * derived query: Hibernate keeps the SQL of a JPQL string but translates a derived (criteria) query again on every
     * call, and the settlement steps read the current proposal in each of theirs (docs/performance.md).
     */
    @Query("select p from SettlementProposal p where p.complaintId = :complaintId and p.source = :source order by p.round desc")
    List<SettlementProposal> latestRounds(@Param("complaintId") Long complaintId, @Param("source") SettlementProposal.Source source,
                                          Pageable page);

    /**
     * The status of the complaint's current negotiated proposal, its row locked (select ... for update) until the
     * transaction ends: of two simultaneous answers to one offer the second waits here and then reads the first one's
     * committed answer. Read past the persistence context, so never a stale status.
     */
    @Query(value = "select status from settlement_proposal where complaint_id = :complaintId and source = 'NEGOTIATION'"
            + " order by round desc limit 1 for update", nativeQuery = true)
    Optional<String> lockCurrentNegotiatedStatus(@Param("complaintId") Long complaintId);

    @Query("select p from SettlementProposal p where p.complaintId = :complaintId and p.status = :status order by p.round desc")
    List<SettlementProposal> findByComplaintIdAndStatusOrderByRoundDesc(@Param("complaintId") Long complaintId,
                                                                        @Param("status") SettlementProposal.Status status);

    Optional<SettlementProposal> findByComplaintIdAndSourceAndSourceReference(Long complaintId, SettlementProposal.Source source,
                                                                             String sourceReference);
}
