package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DeviceOrderRepository extends JpaRepository<DeviceServiceOrder, Long> {

    /** JPQL rather than a derived query: its SQL is kept (see ProposalRepository.latestRounds). */
    @Query("select o from DeviceServiceOrder o where o.idempotencyKey = :key")
    Optional<DeviceServiceOrder> findByIdempotencyKey(@Param("key") String key);

    List<DeviceServiceOrder> findByComplaintId(Long complaintId);

    List<DeviceServiceOrder> findByComplaintIdOrderByCreatedAtAscIdAsc(Long complaintId);
}
