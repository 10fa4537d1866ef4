package com.complaintdesk.support;

import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.reporting.KpiRollup;
import com.complaintdesk.reporting.ReportFilter;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Complaint records written straight into our tables with the dates a test names (Asia/Shanghai local times), as the
 * application would have left them; {@link #deleteAll()} removes them again. Numbers are unique per JVM run.
 */
public final class SeededComplaints {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcTemplate jdbc;
    private final List<Long> ids = new ArrayList<>();

    public SeededComplaints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BusinessTime.ZONE).toInstant();
    }

    /** A complaint as registered, routed and (where the arguments say) decided and closed. Returns its id. */
    public long complaint(String number, String channel, String category, String department, String priority, String status,
                   String registered, int dueDays, int extendedDays, boolean breached, String decided, String closed, String outcome) {
        Instant registeredAt = at(registered);
        Instant due = registeredAt.plusSeconds(86400L * (dueDays + extendedDays));
        jdbc.update("insert into complaint (complaint_number, channel, status, complainant_name, complainant_phone, merchant_id,"
                        + " category, via_sales_promotion, description, department, priority, outcome, registered_by, registered_at,"
                        + " closed_at, version, decision_due_at, deadline_breached, extended_days, decided_at)"
                        + " values (?, ?, ?, '测试商户 Test merchant', '13900000000', ?, ?, false, 'seeded for a reporting test', ?, ?, ?,"
                        + " 'test', ?, ?, 0, ?, ?, ?, ?)",
                number, channel, status, "M-" + number, category, department, priority, outcome, ts(registeredAt),
                closed == null ? null : ts(at(closed)), ts(due), breached, extendedDays, decided == null ? null : ts(at(decided)));
        long id = jdbc.queryForObject("select id from complaint where complaint_number = ?", Long.class, number);
        ids.add(id);
        return id;
    }

    public static String number(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public void acceptedProposal(long complaintId, String remedy, String amount, String respondedAt) {
        jdbc.update("insert into settlement_proposal (complaint_id, round, remedy, amount, rationale, status, proposed_at, responded_at)"
                        + " values (?, 1, ?, ?, 'seeded', 'ACCEPTED', ?, ?)",
                complaintId, remedy, new BigDecimal(amount), ts(at(respondedAt).minusSeconds(3600)), ts(at(respondedAt)));
    }

    public void payment(long complaintId, String remedy, String amount, String paidAt) {
        jdbc.update("insert into ledger_entry (complaint_id, idempotency_key, kind, amount, created_at) values (?, ?, ?, ?, ?)",
                complaintId, "SEEDED:" + complaintId + ":" + remedy, remedy, new BigDecimal(amount), ts(at(paidAt)));
    }

    public void survey(long complaintId, int score, String submittedAt) {
        jdbc.update("insert into complaint_survey (complaint_id, score, submitted_at) values (?, ?, ?)", complaintId, score, ts(at(submittedAt)));
    }

    public void referral(long complaintId, String receivedAt, String concludedAt) {
        Instant received = at(receivedAt);
        jdbc.update("insert into regulator_referral (complaint_id, process_instance_id, regulator, reference, received_on, response_due_at,"
                        + " received_at, concluded_at) values (?, ?, 'PBOC_12363', ?, ?, ?, ?, ?)",
                complaintId, "seeded-" + complaintId + "-" + SEQUENCE.incrementAndGet(), "REF-" + complaintId + "-" + SEQUENCE.get(),
                java.sql.Date.valueOf(received.atZone(BusinessTime.ZONE).toLocalDate()), ts(received.plusSeconds(7 * 86400)), ts(received),
                concludedAt == null ? null : ts(at(concludedAt)));
    }

    public void legalCase(long complaintId, String openedAt, String concludedAt) {
        jdbc.update("insert into legal_case (complaint_id, process_instance_id, initiated_by, hearings, appeals, opened_at, concluded_at)"
                        + " values (?, ?, 'COMPLAINANT', 0, 0, ?, ?)",
                complaintId, "seeded-" + complaintId + "-" + SEQUENCE.incrementAndGet(), ts(at(openedAt)),
                concludedAt == null ? null : ts(at(concludedAt)));
    }

    /**
     * March 2031, channel WALK_IN, a month no other test writes to. A: decided and closed in 48 h, refund of 120.50 paid, survey 5. B: explained after 120 h, survey 3.
     * C: extended by 10 days, decided after 528 h, within the extended deadline. D: breached, final response after
     * 456 h (late), then referred to the regulator and taken to court (both open). E: open, technical support, HIGH.
     * F: withdrawn (closed, but no decision).
     */
    public void march2031() {
        long a = complaint(number("KA"), "WALK_IN", "FEE_DISPUTE", "compliance-legal", "NORMAL", "CLOSED",
                "2031-03-02T10:00", 15, 0, false, "2031-03-04T10:00", "2031-03-04T10:00", "RESOLVED_MONETARY");
        acceptedProposal(a, "REFUND", "120.50", "2031-03-03T15:00");
        payment(a, "REFUND", "120.50", "2031-03-04T09:00");
        survey(a, 5, "2031-03-05T10:00");
        long b = complaint(number("KB"), "WALK_IN", "SERVICE_QUALITY", "customer-service", "LOW", "CLOSED",
                "2031-03-02T12:00", 15, 0, false, "2031-03-07T12:00", "2031-03-07T12:00", "EXPLAINED");
        survey(b, 3, "2031-03-08T12:00");
        complaint(number("KC"), "WALK_IN", "TECHNICAL_FAULT", "technical-support", "NORMAL", "CLOSED",
                "2031-03-03T09:00", 15, 10, false, "2031-03-25T09:00", "2031-03-25T09:00", "RESOLVED_NON_MONETARY");
        long d = complaint(number("KD"), "WALK_IN", "FEE_DISPUTE", "compliance-legal", "HIGH", "FINAL_RESPONSE_ISSUED",
                "2031-03-05T08:00", 15, 0, true, "2031-03-24T08:00", null, null);
        referral(d, "2031-03-26T10:00", null);
        legalCase(d, "2031-03-27T10:00", null);
        complaint(number("KE"), "WALK_IN", "TECHNICAL_FAULT", "technical-support", "HIGH", "UNDER_INVESTIGATION",
                "2031-03-09T10:00", 15, 0, false, null, null, null);
        complaint(number("KF"), "WALK_IN", "APPLICATION_PROCESS", "customer-service", "LOW", "CLOSED",
                "2031-03-10T10:00", 15, 0, false, "2031-03-12T10:00", "2031-03-12T10:00", "WITHDRAWN");
    }

    /** Evidence with a file's content, and a message in the outbox, as the application writes them. */
    public void evidenceWithFile(long complaintId, byte[] content, String addedAt) {
        jdbc.update("insert into evidence (complaint_id, evidence_type, file_name, content_type, size_bytes, added_by, added_at)"
                + " values (?, 'PHOTO', 'fault.png', 'image/png', ?, 'test', ?)", complaintId, content.length, ts(at(addedAt)));
        long evidenceId = jdbc.queryForObject("select max(id) from evidence where complaint_id = ?", Long.class, complaintId);
        jdbc.update("insert into evidence_file (evidence_id, content) values (?, ?)", evidenceId, content);
        jdbc.update("insert into timeline_entry (complaint_id, occurred_at, milestone, detail, actor, public_entry)"
                + " values (?, ?, 'EVIDENCE_RECEIVED', 'seeded', 'test', true)", complaintId, ts(at(addedAt)));
    }

    public void outboxMessage(Long complaintId, String createdAt) {
        jdbc.update("insert into notification_outbox (complaint_id, message_type, channel, recipient, body, status, attempts,"
                        + " next_attempt_at, idempotency_key, created_at, sent_at) values (?, 'CLOSURE', 'EMAIL', 'm@example.com', 'seeded',"
                        + " 'SENT', 1, ?, ?, ?, ?)", complaintId, ts(at(createdAt)), "SEEDED:" + SEQUENCE.incrementAndGet(),
                ts(at(createdAt)), ts(at(createdAt)));
    }

    /** Removes every seeded complaint with everything that refers to it. */
    public void deleteAll() {
        KpiRollup rollup = new KpiRollup(new NamedParameterJdbcTemplate(jdbc), new DataSourceTransactionManager(jdbc.getDataSource()));
        for (Long id : ids) {
            rollup.takeOut(id);
            for (String sql : List.of(
                    "delete from evidence_file where evidence_id in (select id from evidence where complaint_id = ?)",
                    "delete from evidence where complaint_id = ?",
                    "delete from timeline_entry where complaint_id = ?",
                    "delete from complaint_survey where complaint_id = ?",
                    "delete from ledger_entry where complaint_id = ?",
                    "delete from regulator_referral where complaint_id = ?",
                    "delete from legal_case where complaint_id = ?",
                    "delete from settlement_proposal where complaint_id = ?",
                    "delete from notification_outbox where complaint_id = ?",
                    "delete from complaint_legal_hold where complaint_id = ?",
                    "delete from complaint where id = ?")) {
                jdbc.update(sql, id);
            }
        }
        ids.clear();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
