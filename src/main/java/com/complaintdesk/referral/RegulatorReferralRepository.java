package com.complaintdesk.referral;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegulatorReferralRepository extends JpaRepository<RegulatorReferral, Long> {

    Optional<RegulatorReferral> findByProcessInstanceId(String processInstanceId);

    Optional<RegulatorReferral> findByRegulatorAndReference(Regulator regulator, String reference);

    List<RegulatorReferral> findByComplaintIdOrderByReceivedAtAsc(Long complaintId);
}
