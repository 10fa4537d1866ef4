package com.complaintdesk.complaint;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByComplaintIdOrderByAddedAtAscIdAsc(Long complaintId);

    long countByComplaintId(Long complaintId);
}
