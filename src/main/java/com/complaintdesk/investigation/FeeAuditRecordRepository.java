package com.complaintdesk.investigation;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FeeAuditRecordRepository extends JpaRepository<FeeAuditRecord, Long> {

    /** JPQL rather than a derived query: its SQL is kept (see settlement.ProposalRepository.latestRounds). */
    @Query("select r from FeeAuditRecord r where r.complaintId = :complaintId")
    Optional<FeeAuditRecord> findByComplaintId(@Param("complaintId") Long complaintId);
}
