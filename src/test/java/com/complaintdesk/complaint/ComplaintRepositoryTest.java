package com.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.SeededComplaints;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duplicate check of a filing: the earliest open complaint in the same category from the same merchant or about
 * the same terminal, found by two look-ups on their own indexes (docs/performance.md). Rolled back after each test.
 */
@ComplaintDeskSpringTest
@Transactional
class ComplaintRepositoryTest {

    @Autowired ComplaintRepository complaints;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theEarliestOpenComplaintOfTheMerchantOrTheTerminalInTheCategory() {
        String fromMerchant = seed("DA", "M-DUP-1", "T-DUP-1", "TECHNICAL_FAULT", "UNDER_INVESTIGATION", "2031-10-02T10:00");
        String aboutTerminal = seed("DB", "M-DUP-2", "T-DUP-1", "TECHNICAL_FAULT", "UNDER_INVESTIGATION", "2031-10-02T09:00");
        seed("DC", "M-DUP-1", "T-DUP-3", "TECHNICAL_FAULT", "CLOSED", "2031-10-02T08:00");
        seed("DD", "M-DUP-1", "T-DUP-1", "FEE_DISPUTE", "UNDER_INVESTIGATION", "2031-10-02T07:00");

        assertThat(complaints.firstOpenSimilarNumber(Category.TECHNICAL_FAULT, "M-DUP-1", "T-DUP-1", "CP-NEW"))
                .as("the terminal's complaint was filed first").contains(aboutTerminal);
        assertThat(complaints.firstOpenSimilarNumber(Category.TECHNICAL_FAULT, "M-DUP-1", null, "CP-NEW"))
                .as("no terminal given: the merchant's open complaint in the category").contains(fromMerchant);
        assertThat(complaints.firstOpenSimilarNumber(Category.TECHNICAL_FAULT, "M-DUP-2", "T-DUP-1", aboutTerminal))
                .as("not the complaint being filed itself").contains(fromMerchant);
        assertThat(complaints.firstOpenSimilarNumber(Category.TECHNICAL_FAULT, "M-DUP-1", "T-DUP-3", fromMerchant))
                .as("a closed complaint and one in another category are no duplicates").isEmpty();
        assertThat(complaints.firstOpenSimilarNumber(Category.FEE_DISPUTE, "M-DUP-9", "T-DUP-9", "CP-NEW")).isEmpty();
    }

    @Test
    void onTheSameInstantTheEarlierFilingByIdComesFirst() {
        String first = seed("DE", "M-DUP-5", null, "TECHNICAL_FAULT", "UNDER_INVESTIGATION", "2031-10-03T10:00");
        seed("DF", "M-DUP-6", "T-DUP-6", "TECHNICAL_FAULT", "UNDER_INVESTIGATION", "2031-10-03T10:00");

        assertThat(complaints.firstOpenSimilarNumber(Category.TECHNICAL_FAULT, "M-DUP-5", "T-DUP-6", "CP-NEW"))
                .contains(first);
    }

    private String seed(String prefix, String merchantId, String terminalSerial, String category, String status, String registered) {
        String number = SeededComplaints.number(prefix);
        long id = new SeededComplaints(jdbc).complaint(number, "HOTLINE", category, "technical-support", "NORMAL", status,
                registered, 15, 0, false, null, null, null);
        jdbc.update("update complaint set merchant_id = ?, terminal_serial = ? where id = ?", merchantId, terminalSerial, id);
        return number;
    }
}
