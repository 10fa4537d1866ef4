package com.complaintdesk.legal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LegalCaseEventRepository extends JpaRepository<LegalCaseEvent, Long> {

    List<LegalCaseEvent> findByLegalCaseIdOrderByRecordedAtAscIdAsc(Long legalCaseId);
}
