package com.complaintdesk.complaint;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    /**
     * The complaint's evidence in the order it was added. A JPQL string rather than a derived query: Hibernate keeps the
     * SQL of a JPQL string but translates a derived (criteria) query again on every call, and the task-create listeners
     * read the evidence for a task's key facts in nearly every step (docs/performance.md).
     */
    @Query("select e from Evidence e where e.complaintId = :complaintId order by e.addedAt asc, e.id asc")
    List<Evidence> findByComplaintIdOrderByAddedAtAscIdAsc(@Param("complaintId") Long complaintId);

    long countByComplaintId(Long complaintId);
}
