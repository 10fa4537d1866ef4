package com.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.MigratedH2;
import com.complaintdesk.support.SeededComplaints;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A filing's duplicate check on H2 2.x, the embedded database of `mvn spring-boot:run` (the Spring tests run on
 * PostgreSQL): each of its two look-ups ({@link ComplaintRepository#firstOpenSimilarNumber}) reads its own index, so
 * a filing does not read the whole complaint table. The SQL is what Hibernate makes of the two JPQL queries; H2 chose a
 * scan of the filing-time index for the single query with {@code merchant = ? or terminal = ?} it replaced.
 */
class DuplicateCheckOnH2Test {

    private static final String ORDER_AND_PAGE = " and c.status <> 'CLOSED' and c.complaint_number <> 'CP-NEW'"
            + " order by c.registered_at, c.id offset 0 rows fetch first 1 rows only";

    @Test
    void eachLookUpReadsItsOwnIndex() {
        DriverManagerDataSource dataSource = MigratedH2.create("duplicates");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        SeededComplaints seeded = new SeededComplaints(jdbc);
        for (int n = 0; n < 500; n++) {
            seeded.complaint(SeededComplaints.number("DH"), "HOTLINE", n % 2 == 0 ? "TECHNICAL_FAULT" : "FEE_DISPUTE", "technical-support",
                    "NORMAL", n % 3 == 0 ? "CLOSED" : "UNDER_INVESTIGATION", "2031-10-02T10:00", 15, 0, false, null, null, null);
        }
        jdbc.update("update complaint set terminal_serial = 'T-' || id");
        jdbc.execute("analyze");

        assertThat(plan(jdbc, "c.merchant_id = 'M-1' and c.category = 'TECHNICAL_FAULT'"))
                .contains("IX_COMPLAINT_MERCHANT: MERCHANT_ID = 'M-1'");
        assertThat(plan(jdbc, "c.terminal_serial = 'T-1' and c.category = 'TECHNICAL_FAULT'"))
                .contains("IX_COMPLAINT_TERMINAL: TERMINAL_SERIAL = 'T-1'");
    }

    private static String plan(JdbcTemplate jdbc, String where) {
        return jdbc.queryForObject("explain select c.complaint_number, c.registered_at, c.id from complaint c where " + where
                + ORDER_AND_PAGE, String.class);
    }
}
