package com.complaintdesk.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Complaint records written straight into our tables with the dates a test names (Asia/Shanghai local times), as the
 * application would have left them; {@link #deleteAll()} removes them again. Numbers are unique per JVM run.
 */
final class SeededComplaints {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private final JdbcTemplate jdbc;
    private final List<Long> ids = new ArrayList<>();

    SeededComplaints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ReportFilter.ZONE).toInstant();
    }

    /** A complaint as registered, routed and (where the arguments say) decided and closed. Returns its id. */
    long complaint(String number, String channel, String category, String department, String priority, String status,
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

    static String number(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    void acceptedProposal(long complaintId, String remedy, String amount, String respondedAt) {
        jdbc.update("insert into settlement_proposal (complaint_id, round, remedy, amount, rationale, status, proposed_at, responded_at)"
                        + " values (?, 1, ?, ?, 'seeded', 'ACCEPTED', ?, ?)",
                complaintId, remedy, new BigDecimal(amount), ts(at(respondedAt).minusSeconds(3600)), ts(at(respondedAt)));
    }

    void payment(long complaintId, String remedy, String amount, String paidAt) {
        jdbc.update("insert into ledger_entry (complaint_id, idempotency_key, kind, amount, created_at) values (?, ?, ?, ?, ?)",
                complaintId, "SEEDED:" + complaintId + ":" + remedy, remedy, new BigDecimal(amount), ts(at(paidAt)));
    }

    void survey(long complaintId, int score, String submittedAt) {
        jdbc.update("insert into complaint_survey (complaint_id, score, submitted_at) values (?, ?, ?)", complaintId, score, ts(at(submittedAt)));
    }

    void referral(long complaintId, String receivedAt, String concludedAt) {
        Instant received = at(receivedAt);
        jdbc.update("insert into regulator_referral (complaint_id, process_instance_id, regulator, reference, received_on, response_due_at,"
                        + " received_at, concluded_at) values (?, ?, 'PBOC_12363', ?, ?, ?, ?, ?)",
                complaintId, "seeded-" + complaintId + "-" + SEQUENCE.incrementAndGet(), "REF-" + complaintId + "-" + SEQUENCE.get(),
                java.sql.Date.valueOf(received.atZone(ReportFilter.ZONE).toLocalDate()), ts(received.plusSeconds(7 * 86400)), ts(received),
                concludedAt == null ? null : ts(at(concludedAt)));
    }

    void legalCase(long complaintId, String openedAt, String concludedAt) {
        jdbc.update("insert into legal_case (complaint_id, process_instance_id, initiated_by, hearings, appeals, opened_at, concluded_at)"
                        + " values (?, ?, 'COMPLAINANT', 0, 0, ?, ?)",
                complaintId, "seeded-" + complaintId + "-" + SEQUENCE.incrementAndGet(), ts(at(openedAt)),
                concludedAt == null ? null : ts(at(concludedAt)));
    }

    /** Removes every seeded complaint with everything that refers to it. */
    void deleteAll() {
        for (Long id : ids) {
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
