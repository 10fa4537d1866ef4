package com.complaintdesk.referral;

import static com.complaintdesk.referral.DossierFiles.csv;
import static com.complaintdesk.referral.DossierFiles.sha256;
import static com.complaintdesk.referral.DossierFiles.unzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.Evidence;
import com.complaintdesk.complaint.TimelineEntry;
import com.complaintdesk.evidence.EvidenceFiles;
import com.complaintdesk.evidence.EvidenceService;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.settlement.AgreementRepository;
import com.complaintdesk.settlement.SettlementAgreement;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.RegisteredComplaints;
import com.complaintdesk.support.StaffSteps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The regulator dossier built from real records on PostgreSQL: every evidence file in it byte for byte with the digest
 * stored at upload, the complaint record and its timeline, the findings, fee audit and settlement history of a fee
 * dispute, and no dossier at all when a stored file no longer matches its digest.
 */
@ComplaintDeskSpringTest
class DossiersTest {

    @Autowired Dossiers dossiers;
    @Autowired IntakeService intake;
    @Autowired EvidenceFiles evidenceFiles;
    @Autowired EvidenceService evidenceService;
    @Autowired ComplaintRecords records;
    @Autowired AgreementRepository agreements;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper objectMapper;

    private final RegisteredComplaints registered = new RegisteredComplaints();

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void theDossierHoldsEveryEvidenceFileByteForByteWithTheComplaintRecordAndItsTimeline() throws Exception {
        String number = registerTerminalFault();
        byte[] photo = png();
        byte[] statement = "日期,金额\n2026-11-20,100.00\n".getBytes(StandardCharsets.UTF_8);
        byte[] receipt = "%PDF-1.4\n% receipt\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        String awkward = "=HYPERLINK(\"x\"), 邮寄的\"原件\"\n第二行 second line";
        evidenceFiles.attach(number, List.of(new EvidenceFiles.Upload("屏幕 照片.png", photo)), null, "拍照 photo",
                EvidenceFiles.Delivery.RECORD_ONLY);
        evidenceFiles.attach(number, List.of(new EvidenceFiles.Upload("交易记录.csv", statement),
                new EvidenceFiles.Upload("回单 4111111111111111.pdf", receipt)), null, awkward, EvidenceFiles.Delivery.RECORD_ONLY);
        List<Evidence> stored = evidenceService.evidenceOf(records.get(number));

        DossierArchive archive = dossiers.build(number);

        assertThat(archive.complaintNumber()).isEqualTo(number);
        assertThat(archive.sha256()).isEqualTo(sha256(archive.zip()));
        assertThat(archive.evidenceFiles()).isEqualTo(3);
        Map<String, byte[]> entries = unzip(archive.zip());
        assertThat(entries.keySet()).startsWith("README.txt", "complaint.json", "timeline.csv", "evidence.csv")
                .contains("evidence/01-屏幕 照片.png", "evidence/02-交易记录.csv", "evidence/03-回单 411111______1111.pdf", // no * in a name Windows can unpack
                        "findings.csv", "settlement.json")
                .doesNotContain("fee-audit.json");
        assertThat(String.join("|", entries.keySet())).doesNotContain("4111111111111111");

        List<List<String>> evidenceRows = csv(entries.get("evidence.csv"));
        assertThat(evidenceRows).hasSize(1 + 3);
        assertThat(evidenceRows.get(0)).contains("卷宗内文件 File in dossier", "SHA-256");
        List<byte[]> uploaded = List.of(photo, statement, receipt);
        for (int i = 0; i < 3; i++) {
            Evidence item = stored.get(i);
            List<String> row = evidenceRows.get(i + 1);
            byte[] inArchive = entries.get(row.get(1));
            assertThat(inArchive).as("file %s in the archive", row.get(1)).isEqualTo(uploaded.get(i));
            assertThat(sha256(inArchive)).isEqualTo(item.getSha256()).isEqualTo(row.get(6));
            assertThat(row.get(2)).isEqualTo(item.getFileName());
            assertThat(row.get(5)).isEqualTo(String.valueOf(inArchive.length));
        }
        assertThat(evidenceRows.get(3).get(9)).as("quoted, and kept from running as a formula").isEqualTo("'" + awkward);

        JsonNode complaint = objectMapper.readTree(entries.get("complaint.json"));
        assertThat(complaint.path("complaintNumber").asText()).isEqualTo(number);
        assertThat(complaint.path("complainant").path("name").asText()).isEqualTo("赵六");
        assertThat(complaint.path("status").asText()).isEqualTo("REGISTERED");
        assertThat(complaint.path("registeredAt").asText()).endsWith("+08:00");

        List<List<String>> timeline = csv(entries.get("timeline.csv"));
        List<TimelineEntry> recorded = records.timelineOf(records.get(number));
        assertThat(timeline).hasSize(1 + recorded.size());
        assertThat(timeline.get(1).get(1)).isEqualTo("REGISTERED");
        assertThat(timeline).extracting(row -> row.get(1)).filteredOn("EVIDENCE_RECEIVED"::equals).hasSize(3);

        String readme = new String(entries.get("README.txt"), StandardCharsets.UTF_8);
        assertThat(readme).contains(number, "(Asia/Shanghai)");
        entries.keySet().forEach(name -> assertThat(readme).contains(name));
    }

    @Test
    void aFileThatNoLongerMatchesTheDigestStoredAtUploadMakesNoDossier() throws Exception {
        String number = registerTerminalFault();
        Evidence photo = evidenceFiles.attach(number, List.of(new EvidenceFiles.Upload("故障.png", png())), null, null,
                EvidenceFiles.Delivery.RECORD_ONLY).get(0);
        assertThat(dossiers.build(number).evidenceFiles()).isOne();

        jdbc.sql("update evidence_file set content = :content where evidence_id = :id")
                .param("content", "%PDF-1.4 not the photo".getBytes(StandardCharsets.US_ASCII)).param("id", photo.getId()).update();

        assertThatThrownBy(() -> dossiers.build(number)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("故障.png").hasMessageContaining(number).hasMessageContaining(photo.getSha256());
        assertThatThrownBy(() -> dossiers.write(number, new ByteArrayOutputStream())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFeeDisputesDossierCarriesItsFindingsFeeAuditApprovalsAndAgreement() throws Exception {
        String number = registered.add(intake.register(new ComplaintRegistration(Channel.HOTLINE, "李四", "13800138000",
                "li.si@example.com", "M-" + TestIds.digits(), "T-88001", Category.FEE_DISPUTE, false, "费率被上调 rate raised",
                new BigDecimal("0.60"), List.of(new ComplaintRegistration.TransactionLine("TX-1", Instant.parse("2026-11-20T02:00:00Z"),
                        new BigDecimal("10000.00"), new BigDecimal("78.00"))))).complaint().getComplaintNumber());
        staff().complete(number, "wang.fang", "customer-service", "Task_TriageComplaint", Map.of("category", "FEE_DISPUTE",
                "subCategory", "RATE_RAISED_WITHOUT_NOTICE", "viaSalesPromotion", false, "evidenceRequired", false, "isDuplicate", false));
        staff().complete(number, "chen.jing", "compliance-legal", "Task_AuditFees", Map.of("confirmedRefund", 18.0,
                "findings", "0.78% charged against a 0.60% contract"));
        staff().complete(number, "chen.jing", "compliance-legal", "Task_ProposeResolution", Map.of("remedy", "COMPENSATION",
                "proposedAmount", 600.0, "proposalRationale", "两天无法收款 two days without card payments", "rootCause", "FEE_CONFIGURATION"));
        staff().complete(number, "sun.li", "complaint-managers", "Task_ApproveProposal", Map.of("proposalApproved", true,
                "approvalComment", "同意 agreed"));
        staff().complete(number, "wang.fang", "customer-service", "Task_NegotiateSettlement", Map.of("settlementResponse", "ACCEPT"));
        SettlementAgreement agreement = agreements.findByComplaintIdOrderByIdAsc(records.get(number).getId()).get(0);

        Map<String, byte[]> entries = unzip(dossiers.build(number).zip());

        List<List<String>> findings = csv(entries.get("findings.csv"));
        assertThat(findings).hasSize(2);
        assertThat(findings.get(1)).contains("compliance-legal", "FEE_AUDIT", "0.78% charged against a 0.60% contract", "chen.jing");

        JsonNode audit = objectMapper.readTree(entries.get("fee-audit.json"));
        assertThat(audit.path("computedRefund").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(audit.path("confirmedBy").asText()).isEqualTo("chen.jing");

        JsonNode settlement = objectMapper.readTree(entries.get("settlement.json"));
        JsonNode proposal = settlement.path("proposals").path(0);
        assertThat(proposal.path("remedy").asText()).isEqualTo("COMPENSATION");
        assertThat(proposal.path("amount").decimalValue()).isEqualByComparingTo("600");
        assertThat(proposal.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(proposal.path("approvals")).singleElement().satisfies(approval -> {
            assertThat(approval.path("approverGroup").asText()).isEqualTo("complaint-managers");
            assertThat(approval.path("decidedBy").asText()).isEqualTo("sun.li");
            assertThat(approval.path("approved").asBoolean()).isTrue();
        });
        JsonNode agreementJson = settlement.path("agreements").path(0);
        assertThat(agreementJson.path("agreementNumber").asText()).isEqualTo(number + "-A1");
        assertThat(agreementJson.path("proposalRound").asInt()).isEqualTo(1);
        assertThat(agreementJson.path("sha256").asText()).isEqualTo(agreement.getSha256());
        byte[] text = entries.get(agreementJson.path("file").asText());
        assertThat(sha256(text)).isEqualTo(agreement.getSha256());
        assertThat(new String(text, StandardCharsets.UTF_8)).contains(number, "李四");
        assertThat(settlement.path("ledgerEntries")).isEmpty(); // not paid before the agreement is signed

        JsonNode complaint = objectMapper.readTree(entries.get("complaint.json"));
        assertThat(complaint.path("transactions").path(0).path("overcharge").decimalValue()).isEqualByComparingTo("18.00");
        assertThat(complaint.path("department").asText()).isEqualTo("compliance-legal");
    }

    @Test
    void anUnknownComplaintHasNoDossier() {
        assertThatThrownBy(() -> dossiers.build("CP-19990101-000001")).isInstanceOf(ComplaintNotFoundException.class);
    }

    // ---- helpers ----

    private StaffSteps staff() {
        return new StaffSteps(taskService, identityService);
    }

    private String registerTerminalFault() {
        return registered.add(intake.register(new ComplaintRegistration(Channel.ONLINE, "赵六", "13700137000", null,
                "M-" + TestIds.digits(), "T-9", Category.TECHNICAL_FAULT, false, "终端无法开机 will not power on", null, List.of()))
                .complaint().getComplaintNumber());
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 3, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
