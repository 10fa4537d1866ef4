package com.complaintdesk.investigation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FeeAuditRecordRepository extends JpaRepository<FeeAuditRecord, Long> {

    Optional<FeeAuditRecord> findByComplaintId(Long complaintId);
}
