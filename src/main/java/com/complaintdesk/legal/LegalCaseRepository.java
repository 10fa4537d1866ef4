package com.complaintdesk.legal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LegalCaseRepository extends JpaRepository<LegalCase, Long> {

    Optional<LegalCase> findByProcessInstanceId(String processInstanceId);

    List<LegalCase> findByComplaintIdOrderByOpenedAtAsc(Long complaintId);
}
