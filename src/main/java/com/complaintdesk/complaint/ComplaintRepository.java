package com.complaintdesk.complaint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

    @EntityGraph(attributePaths = "transactions")
    Optional<Complaint> findByComplaintNumber(String complaintNumber);

    /** Open complaints in the same category from the same merchant or about the same terminal. */
    @Query("""
            select c from Complaint c
            where c.category = :category and c.status not in :finished and c.complaintNumber <> :excludeNumber
              and (c.complainant.merchantId = :merchantId or (:terminalSerial is not null and c.terminalSerial = :terminalSerial))
            order by c.registeredAt asc""")
    List<Complaint> findOpenSimilar(@Param("category") Category category,
                                    @Param("merchantId") String merchantId,
                                    @Param("terminalSerial") String terminalSerial,
                                    @Param("excludeNumber") String excludeNumber,
                                    @Param("finished") Collection<ComplaintStatus> finished);
}
