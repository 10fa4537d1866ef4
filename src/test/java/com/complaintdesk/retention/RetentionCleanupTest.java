package com.complaintdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.SeededComplaints;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention: a complaint closed more than five years ago goes with its evidence file and its messages; a recent one
 * stays, and so do old ones under legal hold (a manager's hold, an open legal case). The period is every definition's
 * history time-to-live.
 */
@ComplaintDeskSpringTest
class RetentionCleanupTest {

    @LocalServerPort int port;
    @Autowired RetentionCleanup cleanup;
    @Autowired RetentionProperties properties;
    @Autowired RepositoryService repositoryService;
    @Autowired JdbcTemplate jdbc;
    @Autowired MeterRegistry meters;
    @Autowired Clock clock;

    private SeededComplaints seeded;

    @AfterEach
    void removeSeeded() {
        if (seeded != null) {
            seeded.deleteAll();
        }
    }

    @Test
    void theCleanupRemovesExpiredComplaintsWithTheirEvidenceAndKeepsRecentAndHeldOnes() {
        seeded = new SeededComplaints(jdbc);
        LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        String longAgo = today.minusYears(5).minusDays(2) + "T10:00";
        String registeredLongAgo = today.minusYears(5).minusDays(40) + "T10:00";
        String lastYear = today.minusYears(1) + "T10:00";

        String expiredNumber = SeededComplaints.number("RX");
        long expired = seeded.complaint(expiredNumber, "HOTLINE", "TECHNICAL_FAULT", "technical-support", "NORMAL", "CLOSED",
                registeredLongAgo, 15, 0, false, longAgo, longAgo, "RESOLVED_NON_MONETARY");
        seeded.evidenceWithFile(expired, new byte[] {(byte) 0x89, 'P', 'N', 'G'}, registeredLongAgo);
        seeded.outboxMessage(expired, longAgo);
        seeded.survey(expired, 4, longAgo);
        long recent = seeded.complaint(SeededComplaints.number("RR"), "HOTLINE", "TECHNICAL_FAULT", "technical-support", "NORMAL", "CLOSED",
                lastYear, 15, 0, false, lastYear, lastYear, "EXPLAINED");
        seeded.evidenceWithFile(recent, new byte[] {1, 2, 3}, lastYear);
        String heldNumber = SeededComplaints.number("RH");
        long held = seeded.complaint(heldNumber, "HOTLINE", "FEE_DISPUTE", "compliance-legal", "NORMAL", "CLOSED",
                registeredLongAgo, 15, 0, false, longAgo, longAgo, "REJECTED");
        seeded.evidenceWithFile(held, new byte[] {4, 5, 6}, registeredLongAgo);
        long inCourt = seeded.complaint(SeededComplaints.number("RL"), "HOTLINE", "FEE_DISPUTE", "compliance-legal", "NORMAL", "CLOSED",
                registeredLongAgo, 15, 0, false, longAgo, longAgo, "REJECTED");
        seeded.legalCase(inCourt, longAgo, null);
        seeded.outboxMessage(null, longAgo);

        // a manager places the hold; other departments may not, and a hold needs a reason
        String holdPath = "/staff/complaints/" + heldNumber + "/legal-hold";
        assertThat(Http.on(port).as("chen.jing", "demo").postForm(holdPath, "reason=x").statusCode()).isEqualTo(403);
        HttpResponse<String> noReason = Http.on(port).as("sun.li", "demo").postForm(holdPath, "reason=");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        HttpResponse<String> placed = Http.on(port).as("sun.li", "demo").postForm(holdPath, "reason=" + java.net.URLEncoder.encode(
                "诉讼预期 lawsuit expected", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(placed.statusCode()).isEqualTo(201);
        assertThat(placed.body()).contains("\"held\":true", "\"placedBy\":\"sun.li\"");
        assertThat(Http.on(port).as("sun.li", "demo").postForm(holdPath, "reason=again").statusCode()).isEqualTo(200);
        assertThat(Http.on(port).as("sun.li", "demo").postForm(holdPath, "reason=x", "Origin", "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(Http.on(port).as("sun.li", "demo").get("/staff/complaints/CP-19990101-000001/legal-hold").statusCode()).isEqualTo(404);

        double removedBefore = meters.counter("complaintdesk.retention.removed", "kind", "complaints").count();
        RetentionCleanup.Result result = cleanup.run();

        assertThat(result.complaints()).isEqualTo(1);
        assertThat(result.evidenceFiles()).isEqualTo(1);
        assertThat(result.outboxMessages()).isGreaterThanOrEqualTo(1);
        assertThat(result.held()).isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from complaint where id = ?", expired)).isZero();
        assertThat(count("select count(*) from evidence where complaint_id = ?", expired)).isZero();
        assertThat(count("select count(*) from notification_outbox where complaint_id = ?", expired)).isZero();
        assertThat(count("select count(*) from notification_outbox where complaint_id is null and body = 'seeded'", null)).isZero();
        for (long kept : new long[] {recent, held, inCourt}) {
            assertThat(count("select count(*) from complaint where id = ?", kept)).as("complaint %d", kept).isEqualTo(1);
        }
        assertThat(count("select count(*) from evidence_file f join evidence e on e.id = f.evidence_id where e.complaint_id = ?", held)).isEqualTo(1);
        assertThat(meters.counter("complaintdesk.retention.removed", "kind", "complaints").count() - removedBefore).isEqualTo(1);

        // released, the held complaint goes at the next run
        assertThat(Http.on(port).as("sun.li", "demo").delete(holdPath).statusCode()).isEqualTo(204);
        assertThat(cleanup.run().complaints()).isEqualTo(1);
        assertThat(count("select count(*) from complaint where id = ?", held)).isZero();
    }

    @Test
    void theRetentionPeriodIsEveryDefinitionsHistoryTimeToLive() {
        assertThat(properties.days()).as("five years from 2000-01-01, two leap days").isEqualTo(1827);
        assertThat(repositoryService.createProcessDefinitionQuery().list()).filteredOn(definition -> java.util.List.of(
                        "complaint-lifecycle", "settlement-execution", "legal-proceedings", "regulator-referral").contains(definition.getKey()))
                .hasSizeGreaterThanOrEqualTo(4).allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(1827));
        assertThat(repositoryService.createDecisionDefinitionQuery().list()).filteredOn(definition -> java.util.List.of(
                        "complaint-deadlines", "complaint-routing", "settlement-approval").contains(definition.getKey()))
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(1827));
    }

    /**
     * A table added later with a foreign key to complaint (and one below it) is removed with the complaint, with no
     * list to extend: the cleanup reads the foreign keys at every run.
     */
    @Test
    void aTableAddedLaterWithAForeignKeyToComplaintIsRemovedWithoutBeingListed() {
        seeded = new SeededComplaints(jdbc);
        LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        String longAgo = today.minusYears(5).minusDays(3) + "T10:00";
        long expired = seeded.complaint(SeededComplaints.number("RN"), "HOTLINE", "OTHER", "customer-service", "NORMAL", "CLOSED",
                longAgo, 15, 0, false, longAgo, longAgo, "EXPLAINED");
        long recent = seeded.complaint(SeededComplaints.number("RN"), "HOTLINE", "OTHER", "customer-service", "NORMAL", "CLOSED",
                today.minusDays(10) + "T10:00", 15, 0, false, today.minusDays(9) + "T10:00", today.minusDays(9) + "T10:00", "EXPLAINED");
        jdbc.execute("create table retention_test_note (id bigint primary key, complaint_id bigint not null references complaint (id))");
        jdbc.execute("create table retention_test_note_line (id bigint primary key, note_id bigint not null references retention_test_note (id))");
        try {
            jdbc.update("insert into retention_test_note (id, complaint_id) values (1, ?), (2, ?)", expired, recent);
            jdbc.update("insert into retention_test_note_line (id, note_id) values (10, 1), (20, 2)");

            ComplaintOwnedTables.Plan plan = ComplaintOwnedTables.read(jdbc.getDataSource());
            assertThat(plan.tables()).containsSubsequence("retention_test_note_line", "retention_test_note")
                    .containsSubsequence("evidence_file", "evidence").containsSubsequence("legal_case_event", "legal_case")
                    .containsSubsequence("proposal_approval", "settlement_agreement", "settlement_proposal");

            cleanup.run();

            assertThat(count("select count(*) from complaint where id = ?", expired)).isZero();
            assertThat(jdbc.queryForList("select id from retention_test_note order by id", Long.class)).containsExactly(2L);
            assertThat(jdbc.queryForList("select id from retention_test_note_line order by id", Long.class)).containsExactly(20L);
            assertThat(count("select count(*) from complaint where id = ?", recent)).isEqualTo(1);
        } finally {
            jdbc.execute("drop table retention_test_note_line");
            jdbc.execute("drop table retention_test_note");
        }
    }

    /**
     * The one thing a new table must do to be removed with its complaint is to declare its foreign key. A table with
     * a complaint_id or complaint_number column that the foreign keys do not reach fails here.
     */
    @Test
    void everyTableThatNamesAComplaintIsReachedByTheForeignKeys() throws java.sql.SQLException {
        java.util.Set<String> naming = new java.util.TreeSet<>();
        try (java.sql.Connection connection = jdbc.getDataSource().getConnection()) {
            for (String column : java.util.List.of("complaint_id", "complaint_number")) {
                for (String name : java.util.List.of(column, column.toUpperCase(java.util.Locale.ROOT))) {
                    try (java.sql.ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(), "%", name)) {
                        while (rs.next()) {
                            naming.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
        }
        naming.remove(ComplaintOwnedTables.ROOT);
        assertThat(naming).as("tables with a complaint_id or complaint_number column").contains("evidence", "notification_outbox",
                "complaint_legal_hold");
        assertThat(ComplaintOwnedTables.read(jdbc.getDataSource()).tables())
                .as("tables the retention cleanup removes with a complaint (a missing one needs a foreign key to complaint)")
                .containsAll(naming);
    }

    private long count(String sql, Long id) {
        Long n = id == null ? jdbc.queryForObject(sql, Long.class) : jdbc.queryForObject(sql, Long.class, id);
        return n == null ? 0 : n;
    }
}
