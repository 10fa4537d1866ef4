package com.complaintdesk.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
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
     * The number of the earliest open (not closed) complaint in the same category from the same merchant or about the
     * same terminal (not {@code excludeNumber} itself), if any: a possible duplicate of a complaint being filed.
     *
     * <p>Two look-ups, each on its own index ({@code ix_complaint_merchant}, {@code ix_complaint_terminal}), and the
     * earlier of their answers. One query with {@code merchant = ? or terminal = ?} read the whole complaint table on
     * the embedded H2, which cannot combine two indexes for an {@code or}: 14 ms a filing at 50,000 complaints and
     * growing with every complaint ever filed (docs/performance.md, "A filing's duplicate check").
     */
    default Optional<String> firstOpenSimilarNumber(Category category, String merchantId, String terminalSerial,
                                                    String excludeNumber) {
        Pageable first = PageRequest.of(0, 1);
        List<SimilarComplaint> candidates = new ArrayList<>(
                openFromMerchant(merchantId, category, excludeNumber, first));
        if (terminalSerial != null) {
            candidates.addAll(openAboutTerminal(terminalSerial, category, excludeNumber, first));
        }
        return candidates.stream().min(SimilarComplaint.EARLIEST_FIRST).map(SimilarComplaint::complaintNumber);
    }

    /**
     * Open complaints in the category from the merchant, the earliest first (ask for a page of one). The closed status
     * is a literal, not a collection parameter: Hibernate translates a query with a list parameter again on every call.
     */
    @Query("""
            select new com.complaintdesk.complaint.SimilarComplaint(c.complaintNumber, c.registeredAt, c.id) from Complaint c
            where c.complainant.merchantId = :merchantId and c.category = :category
              and c.status <> com.complaintdesk.complaint.ComplaintStatus.CLOSED and c.complaintNumber <> :excludeNumber
            order by c.registeredAt asc, c.id asc""")
    List<SimilarComplaint> openFromMerchant(@Param("merchantId") String merchantId,
                                            @Param("category") Category category,
                                            @Param("excludeNumber") String excludeNumber,
                                            Pageable page);

    /** Open complaints in the category about the terminal, the earliest first (ask for a page of one). */
    @Query("""
            select new com.complaintdesk.complaint.SimilarComplaint(c.complaintNumber, c.registeredAt, c.id) from Complaint c
            where c.terminalSerial = :terminalSerial and c.category = :category
              and c.status <> com.complaintdesk.complaint.ComplaintStatus.CLOSED and c.complaintNumber <> :excludeNumber
            order by c.registeredAt asc, c.id asc""")
    List<SimilarComplaint> openAboutTerminal(@Param("terminalSerial") String terminalSerial,
                                             @Param("category") Category category,
                                             @Param("excludeNumber") String excludeNumber,
                                             Pageable page);
}
