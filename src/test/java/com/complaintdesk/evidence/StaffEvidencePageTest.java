package com.complaintdesk.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.Evidence;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.StaffSteps;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The staff evidence page through the real HTTP Basic filter: who may see it, attaching files, downloading them. */
@ComplaintDeskSpringTest
class StaffEvidencePageTest {

    @Autowired TestRestTemplate http;
    @Autowired EvidenceFiles evidenceFiles;
    @Autowired EvidenceService evidenceService;
    @Autowired ComplaintRecords records;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired com.complaintdesk.intake.IntakeService intake;
    @Value("${complaint-desk.demo.password}") String demoPassword;
    @Value("${camunda.bpm.admin-user.id}") String adminId;
    @Value("${camunda.bpm.admin-user.password}") String adminPassword;
    @LocalServerPort int port;

    String number;
    byte[] photo;

    @BeforeEach
    void aComplaintWithAnOnlineFile() throws Exception {
        number = intake.register(new com.complaintdesk.intake.ComplaintRegistration(com.complaintdesk.complaint.Channel.ONLINE,
                "王五", "13800138000", null, "M-" + TestIds.digits(), "T-7", com.complaintdesk.complaint.Category.TECHNICAL_FAULT,
                false, "屏幕碎了 screen broken", null, List.of())).complaint().getComplaintNumber();
        photo = png();
        evidenceFiles.attach(number, List.of(new EvidenceFiles.Upload("屏幕 <b>碎<b>.png", photo)), null,
                "<script>alert('staff')</script>", EvidenceFiles.Delivery.SUBMIT);
    }

    @Test
    void withoutCredentialsTheFilterAsksForThemAndAUserOutsideTheDepartmentsIsRefused() {
        ResponseEntity<String> anonymous = http.getForEntity(page(), String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

        assertThat(http.withBasicAuth("wang.fang", "wrong").getForEntity(page(), String.class).getStatusCode().value()).isEqualTo(401);

        ResponseEntity<String> admin = http.withBasicAuth(adminId, adminPassword).getForEntity(page(), String.class);
        assertThat(admin.getStatusCode().value()).isEqualTo(403);
        Long id = evidenceService.evidenceOf(records.get(number)).get(0).getId();
        assertThat(http.withBasicAuth(adminId, adminPassword).getForEntity("/staff/evidence/" + id + "/download", String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aDepartmentMemberSeesEveryItemEscapedAndDownloadsTheFileAsAnAttachment() {
        // routed to technical support: its staff may see the complaint's evidence (ComplaintPagesAccessTest: others not)
        complete("wang.fang", "customer-service", "Task_TriageComplaint", Map.of("category", "TECHNICAL_FAULT",
                "subCategory", "CARD_READER", "evidenceRequired", false, "isDuplicate", false));
        ResponseEntity<String> response = http.withBasicAuth("zhang.wei", demoPassword).getForEntity(page(), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
        String html = response.getBody();
        assertThat(html).contains(number, "屏幕 _b_碎_b_.png", "image/png", "&lt;script&gt;alert(&#39;staff&#39;)&lt;/script&gt;")
                .doesNotContain("<script>").contains("<label for=\"files\">");
        Matcher link = Pattern.compile("href=\"(/staff/evidence/(\\d+)/download)\"").matcher(html);
        assertThat(link.find()).isTrue();

        ResponseEntity<byte[]> download = http.withBasicAuth("sun.li", demoPassword).getForEntity(link.group(1), byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(photo);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        ContentDisposition disposition = download.getHeaders().getContentDisposition();
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo("屏幕 _b_碎_b_.png");
    }

    @Test
    void staffAttachFilesThatCameByMailWithoutAnsweringTheEvidenceRequest() {
        complete("wang.fang", "customer-service", "Task_TriageComplaint", Map.of("category", "TECHNICAL_FAULT",
                "subCategory", "CARD_READER", "evidenceRequired", true, "isDuplicate", false));
        byte[] csv = "date;amount\n2026-01-05;100.00\n".getBytes(StandardCharsets.UTF_8);

        ResponseEntity<String> response = post("li.na", "http://localhost:" + port, "mail-4111111111111111.csv", csv, "CORRESPONDENCE");

        assertThat(response.getStatusCode().value()).isEqualTo(303);
        assertThat(response.getHeaders().getLocation().toString()).endsWith("/staff/complaints/" + number + "/evidence?added=1");
        List<Evidence> items = evidenceService.evidenceOf(records.get(number));
        assertThat(items).hasSize(2);
        Evidence mailed = items.get(1);
        assertThat(mailed.getFileName()).isEqualTo("mail-411111******1111.csv");
        assertThat(mailed.getAddedBy()).isEqualTo("li.na");
        assertThat(mailed.getEvidenceType()).isEqualTo("CORRESPONDENCE");
        assertThat(mailed.getDescription()).isEqualTo("received by post");
        assertThat(evidenceFiles.file(mailed.getId())).get().extracting(EvidenceFiles.StoredFile::content).isEqualTo(csv);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_AwaitEvidence").count())
                .as("the agent still decides in Tasklist").isOne();
        assertThat(http.withBasicAuth("li.na", demoPassword).getForEntity(response.getHeaders().getLocation().getPath() + "?added=1", String.class)
                .getBody()).contains("Added 1 file(s)", "mail-411111******1111.csv");
    }

    @Test
    void aPostFromAnotherSiteOrAFileOfTheWrongKindStoresNothing() {
        ResponseEntity<String> crossSite = post("wang.fang", "https://evil.example", "a.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "");
        assertThat(crossSite.getStatusCode().value()).isEqualTo(403);

        ResponseEntity<String> wrongKind = post("wang.fang", "http://localhost:" + port, "scan.pdf", new byte[] {'M', 'Z', 0, 1}, "");
        assertThat(wrongKind.getStatusCode().value()).isEqualTo(415);
        assertThat(wrongKind.getBody()).contains("Not saved", "files[0]");

        assertThat(evidenceService.evidenceOf(records.get(number))).hasSize(1);
        assertThat(http.withBasicAuth("wang.fang", demoPassword).getForEntity("/staff/complaints/CP-19990101-000001/evidence", String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    // ---- helpers ----

    private String page() {
        return "/staff/complaints/" + number + "/evidence";
    }

    private ResponseEntity<String> post(String user, String origin, String fileName, byte[] content, String evidenceType) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        HttpHeaders part = new HttpHeaders();
        part.setContentDisposition(ContentDisposition.formData().name("files").filename(fileName, StandardCharsets.UTF_8).build());
        part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        body.add("files", new HttpEntity<>(content, part));
        body.add("evidenceType", evidenceType);
        body.add("description", "received by post");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setOrigin(origin);
        return http.withBasicAuth(user, demoPassword).withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .exchange(page(), HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private void complete(String user, String group, String taskKey, Map<String, Object> variables) {
        new StaffSteps(taskService, identityService).complete(number, user, group, taskKey, variables);
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB);
        image.setRGB(2, 3, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
