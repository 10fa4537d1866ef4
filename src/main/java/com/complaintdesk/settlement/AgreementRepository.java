package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgreementRepository extends JpaRepository<SettlementAgreement, Long> {

    Optional<SettlementAgreement> findByAgreementNumber(String agreementNumber);

    List<SettlementAgreement> findByComplaintIdOrderByIdAsc(Long complaintId);

    Optional<SettlementAgreement> findByProposalId(Long proposalId);
}
