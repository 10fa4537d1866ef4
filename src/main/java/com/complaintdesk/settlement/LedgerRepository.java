package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LedgerRepository extends JpaRepository<LedgerEntry, Long> {

    /** JPQL rather than a derived query: its SQL is kept (see ProposalRepository.latestRounds). */
    @Query("select e from LedgerEntry e where e.idempotencyKey = :key")
    Optional<LedgerEntry> findByIdempotencyKey(@Param("key") String key);

    List<LedgerEntry> findByComplaintId(Long complaintId);

    List<LedgerEntry> findByComplaintIdOrderByCreatedAtAscIdAsc(Long complaintId);
}
