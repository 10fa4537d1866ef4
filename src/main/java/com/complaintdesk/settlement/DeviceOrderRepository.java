package com.complaintdesk.settlement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeviceOrderRepository extends JpaRepository<DeviceServiceOrder, Long> {

    Optional<DeviceServiceOrder> findByIdempotencyKey(String key);

    List<DeviceServiceOrder> findByComplaintId(Long complaintId);

    List<DeviceServiceOrder> findByComplaintIdOrderByCreatedAtAscIdAsc(Long complaintId);
}
