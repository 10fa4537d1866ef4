package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LedgerRepository extends JpaRepository<LedgerEntry, Long> {

    Optional<LedgerEntry> findByIdempotencyKey(String key);

    List<LedgerEntry> findByComplaintId(Long complaintId);

    List<LedgerEntry> findByComplaintIdOrderByCreatedAtAscIdAsc(Long complaintId);
}
