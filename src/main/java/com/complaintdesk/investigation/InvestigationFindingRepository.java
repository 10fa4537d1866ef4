package com.complaintdesk.investigation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InvestigationFindingRepository extends JpaRepository<InvestigationFinding, Long> {

    List<InvestigationFinding> findByComplaintIdOrderByRecordedAtAscIdAsc(Long complaintId);
}
