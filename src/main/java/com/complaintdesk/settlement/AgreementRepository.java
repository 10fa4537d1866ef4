package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AgreementRepository extends JpaRepository<SettlementAgreement, Long> {

    // the steps' look-ups as JPQL rather than derived queries: their SQL is kept (see ProposalRepository.latestRounds)
    @Query("select a from SettlementAgreement a where a.agreementNumber = :agreementNumber")
    Optional<SettlementAgreement> findByAgreementNumber(@Param("agreementNumber") String agreementNumber);

    List<SettlementAgreement> findByComplaintIdOrderByIdAsc(Long complaintId);

    @Query("select a from SettlementAgreement a where a.proposalId = :proposalId")
    Optional<SettlementAgreement> findByProposalId(@Param("proposalId") Long proposalId);
}
