package com.complaintdesk.referral;

import static com.complaintdesk.referral.DossierFiles.sha256;
import static com.complaintdesk.referral.DossierFiles.unzip;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.evidence.EvidenceFiles;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.RegisteredComplaints;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** GET /staff/complaints/{number}/dossier.zip through the real HTTP Basic filter: who may download it, and what comes. */
@ComplaintDeskSpringTest
@ExtendWith(OutputCaptureExtension.class)
class DossierDownloadTest {

    @Autowired TestRestTemplate http;
    @Autowired IntakeService intake;
    @Autowired EvidenceFiles evidenceFiles;
    @Autowired RuntimeService runtimeService;
    @Value("${complaint-desk.demo.password}") String demoPassword;

    private final RegisteredComplaints registered = new RegisteredComplaints();
    private String number;
    private byte[] photo;

    @BeforeEach
    void aComplaintWithAPhoto() throws Exception {
        number = registered.add(intake.register(new ComplaintRegistration(Channel.ONLINE, "钱七", "13500135000", null,
                "M-" + TestIds.digits(), "T-5", Category.TECHNICAL_FAULT, false, "打印机卡纸 printer jams", null, List.of()))
                .complaint().getComplaintNumber());
        photo = DossiersTest.png();
        evidenceFiles.attach(number, List.of(new EvidenceFiles.Upload("卡纸.png", photo)), null, null, EvidenceFiles.Delivery.RECORD_ONLY);
    }

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void complianceLegalDownloadsTheArchiveWithItsDigestAndTheDownloadIsLogged(CapturedOutput output) {
        ResponseEntity<byte[]> response = http.withBasicAuth("chen.jing", demoPassword).getForEntity(dossier(), byte[].class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/zip"));
        ContentDisposition disposition = response.getHeaders().getContentDisposition();
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo(number + "-dossier.zip");
        byte[] zip = response.getBody();
        assertThat(response.getHeaders().getFirst("X-Dossier-SHA256")).isEqualTo(sha256(zip));
        assertThat(response.getHeaders().getContentLength()).isEqualTo(zip.length);
        Map<String, byte[]> entries = unzip(zip);
        assertThat(new String(entries.get("complaint.json"), StandardCharsets.UTF_8)).contains(number);
        assertThat(entries.get("evidence/01-卡纸.png")).isEqualTo(photo);
        assertThat(output).contains("Dossier of complaint " + number + " downloaded by chen.jing (SHA-256 " + sha256(zip) + ", evidence files: 1)");
    }

    @Test
    void aComplaintManagerMayDownloadItTooButOtherDepartmentsMayNot() {
        assertThat(http.withBasicAuth("sun.li", demoPassword).getForEntity(dossier(), byte[].class).getStatusCode().value())
                .isEqualTo(200);

        ResponseEntity<String> technicalSupport = http.withBasicAuth("zhang.wei", demoPassword).getForEntity(dossier(), String.class);
        assertThat(technicalSupport.getStatusCode().value()).isEqualTo(403);
        assertThat(technicalSupport.getBody()).contains("Only compliance & legal staff and complaint managers may download a dossier");
        assertThat(technicalSupport.getHeaders().getFirst("X-Dossier-SHA256")).isNull();
    }

    @Test
    void withoutCredentialsTheFilterAsksForThemAndAnUnknownComplaintIsNotFound() {
        ResponseEntity<String> anonymous = http.getForEntity(dossier(), String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

        ResponseEntity<String> unknown = http.withBasicAuth("chen.jing", demoPassword)
                .getForEntity("/staff/complaints/CP-19990101-000001/dossier.zip", String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("No such complaint");
    }

    private String dossier() {
        return "/staff/complaints/" + number + "/dossier.zip";
    }
}
