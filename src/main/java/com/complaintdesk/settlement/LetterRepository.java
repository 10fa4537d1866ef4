package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LetterRepository extends JpaRepository<ComplaintLetter, Long> {

    /** JPQL rather than a derived query: its SQL is kept (see ProposalRepository.latestRounds). */
    @Query("select l from ComplaintLetter l where l.idempotencyKey = :key")
    Optional<ComplaintLetter> findByIdempotencyKey(@Param("key") String key);

    List<ComplaintLetter> findByComplaintIdOrderByIdAsc(Long complaintId);
}
