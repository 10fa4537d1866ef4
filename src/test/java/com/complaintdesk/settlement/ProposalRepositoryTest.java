package com.complaintdesk.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.RootCause;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.SeededComplaints;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.transaction.annotation.Transactional;

/**
 * The proposal look-ups the settlement steps act on, as JPQL strings (their SQL is kept, docs/performance.md): the
 * current negotiated proposal is the latest negotiation round, whatever a court or regulator ordered in a later round.
 * Rolled back after each test.
 */
@ComplaintDeskSpringTest
@Transactional
class ProposalRepositoryTest {

    @Autowired ProposalRepository proposals;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theCurrentNegotiatedProposalIsTheLatestNegotiationRound() {
        assertThat(TestTransaction.isActive()).as("the seeded complaint and its proposals are rolled back").isTrue();
        long complaint = new SeededComplaints(jdbc).complaint(SeededComplaints.number("PR"), "HOTLINE", "FEE_DISPUTE",
                "compliance-legal", "NORMAL", "UNDER_INVESTIGATION", "2031-10-02T10:00", 15, 0, false, null, null, null);
        assertThat(proposals.currentNegotiated(complaint)).isEmpty();

        SettlementProposal first = proposals.save(proposal(complaint, 1));
        first.answered(SettlementProposal.Status.COUNTERED, new BigDecimal("300.00"), "too little", Instant.now());
        proposals.save(proposal(complaint, 2));
        proposals.save(SettlementProposal.ordered(complaint, 3, SettlementProposal.Source.COURT, "(2031)京0105民初1号",
                Remedy.REFUND, new BigDecimal("250.00"), "judgment", "test", Instant.now()));
        proposals.flush();

        assertThat(proposals.currentNegotiated(complaint)).get()
                .satisfies(p -> assertThat(p.getRound()).isEqualTo(2))
                .satisfies(p -> assertThat(p.getSource()).isEqualTo(SettlementProposal.Source.NEGOTIATION))
                .satisfies(p -> assertThat(p.getStatus()).isEqualTo(SettlementProposal.Status.PROPOSED));
        assertThat(proposals.countByComplaintId(complaint)).isEqualTo(3);
        assertThat(proposals.findByComplaintIdAndStatusOrderByRoundDesc(complaint, SettlementProposal.Status.ACCEPTED))
                .extracting(SettlementProposal::getRound).containsExactly(3);
        assertThat(proposals.latestRounds(complaint, SettlementProposal.Source.NEGOTIATION, PageRequest.of(0, 5)))
                .extracting(SettlementProposal::getRound).containsExactly(2, 1);
    }

    private static SettlementProposal proposal(long complaint, int round) {
        return new SettlementProposal(complaint, round, Remedy.REFUND, new BigDecimal("100.00").multiply(BigDecimal.valueOf(round)),
                "round " + round, RootCause.FEE_CONFIGURATION, "test", Instant.now());
    }
}
