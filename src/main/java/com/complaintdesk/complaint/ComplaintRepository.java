package com.complaintdesk.complaint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

    /**
     * The complaint with its transactions, in one statement. A JPQL string rather than a derived query with an entity
     * graph: Hibernate keeps the SQL it translated a JPQL string into, but translates a criteria query (what a derived
     * query is) or a query with an entity graph again on every call, and this one runs in nearly every step of a
     * complaint's life (docs/performance.md, "A step's read of its complaint").
     */
    @Query("select c from Complaint c left join fetch c.transactions where c.complaintNumber = :complaintNumber")
    Optional<Complaint> findByComplaintNumber(@Param("complaintNumber") String complaintNumber);

    /**
     * Numbers of open complaints in the same category from the same merchant or about the same terminal, the earliest
     * first (ask for a page of one: the earliest).
     */
    @Query("""
            select c.complaintNumber from Complaint c
            where c.category = :category and c.status not in :finished and c.complaintNumber <> :excludeNumber
              and (c.complainant.merchantId = :merchantId or (:terminalSerial is not null and c.terminalSerial = :terminalSerial))
            order by c.registeredAt asc, c.id asc""")
    List<String> findOpenSimilarNumbers(@Param("category") Category category,
                                        @Param("merchantId") String merchantId,
                                        @Param("terminalSerial") String terminalSerial,
                                        @Param("excludeNumber") String excludeNumber,
                                        @Param("finished") Collection<ComplaintStatus> finished,
                                        Pageable page);
}
