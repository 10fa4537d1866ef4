package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LetterRepository extends JpaRepository<ComplaintLetter, Long> {

    Optional<ComplaintLetter> findByIdempotencyKey(String key);

    List<ComplaintLetter> findByComplaintIdOrderByIdAsc(Long complaintId);
}
