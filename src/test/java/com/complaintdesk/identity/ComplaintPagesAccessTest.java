package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.evidence.EvidenceFiles;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.RegisteredComplaints;
import com.complaintdesk.support.StaffSteps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff pages grant what the engine grants (ComplaintAccess): a complaint's evidence (page, download, upload) and
 * extension page answer to its department, customer service and complaint managers, 403 to any other department;
 * /staff/notifications shows each user only the complaints they may see. Two complaints: a fee dispute routed to
 * compliance-legal, a terminal fault routed to technical support.
 */
@ComplaintDeskSpringTest
class ComplaintPagesAccessTest {

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired EvidenceFiles evidenceFiles;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;

    private final RegisteredComplaints registered = new RegisteredComplaints();
    private String feeDispute;
    private String terminalFault;
    private String feeDisputeEmail;
    private String terminalFaultEmail;

    @BeforeEach
    void twoComplaintsOfTwoDepartments() {
        String n = TestIds.digits();
        feeDisputeEmail = "fee." + n + "@example.com";
        terminalFaultEmail = "fault." + n + "@example.com";
        feeDispute = register(Category.FEE_DISPUTE, feeDisputeEmail);
        terminalFault = register(Category.TECHNICAL_FAULT, terminalFaultEmail);
        StaffSteps staff = new StaffSteps(taskService, identityService);
        staff.complete(feeDispute, "wang.fang", Departments.CUSTOMER_SERVICE, "Task_TriageComplaint", Map.of("category", "FEE_DISPUTE",
                "subCategory", "RATE_RAISED_WITHOUT_NOTICE", "evidenceRequired", false, "isDuplicate", false));
        staff.complete(terminalFault, "wang.fang", Departments.CUSTOMER_SERVICE, "Task_TriageComplaint", Map.of("category", "TECHNICAL_FAULT",
                "subCategory", "CARD_READER", "evidenceRequired", false, "isDuplicate", false));
        assertThat(records.get(feeDispute).getDepartment()).isEqualTo(Departments.COMPLIANCE_LEGAL);
        assertThat(records.get(terminalFault).getDepartment()).isEqualTo(Departments.TECHNICAL_SUPPORT);
    }

    @AfterEach
    void endProcesses() {
        jdbc.sql("update notification_outbox set status = 'SENT', last_error = null where complaint_number in (?, ?)")
                .params(feeDispute, terminalFault).update();
        registered.endProcesses(runtimeService);
    }

    @Test
    void anotherDepartmentGets403OnAComplaintsEvidenceAndExtensionPages() throws Exception {
        evidenceFiles.attach(feeDispute, List.of(new EvidenceFiles.Upload("statement.csv",
                "date;fee\n2026-11-20;7.80\n".getBytes(StandardCharsets.UTF_8))), null, null, EvidenceFiles.Delivery.RECORD_ONLY);
        long evidenceId = jdbc.sql("select e.id from evidence e join complaint c on c.id = e.complaint_id where c.complaint_number = ?")
                .param(feeDispute).query(Long.class).single();

        // technical support on compliance-legal's fee dispute: page, download and upload refused, nothing stored
        Http technicalSupport = staff("zhang.wei");
        HttpResponse<String> page = technicalSupport.get(evidence(feeDispute));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Only the complaint&#39;s department, customer service and complaint managers").doesNotContain("statement.csv");
        assertThat(technicalSupport.get("/staff/evidence/" + evidenceId + "/download").statusCode()).isEqualTo(403);
        assertThat(technicalSupport.get("/staff/complaints/" + feeDispute + "/extension").statusCode()).isEqualTo(403);
        HttpResponse<String> upload = upload("zhang.wei", feeDispute);
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from evidence e join complaint c on c.id = e.complaint_id where c.complaint_number = ?")
                .param(feeDispute).query(Long.class).single()).isOne();
        // marketing on technical support's terminal fault
        assertThat(staff("zhao.lei").get(evidence(terminalFault)).statusCode()).isEqualTo(403);

        // the department itself, customer service and complaint managers
        assertThat(technicalSupport.get(evidence(terminalFault)).statusCode()).isEqualTo(200);
        HttpResponse<String> complianceLegal = staff("chen.jing").get(evidence(feeDispute));
        assertThat(complianceLegal.statusCode()).isEqualTo(200);
        assertThat(complianceLegal.body()).contains("statement.csv");
        assertThat(staff("chen.jing").get("/staff/evidence/" + evidenceId + "/download").statusCode()).isEqualTo(200);
        assertThat(staff("chen.jing").get("/staff/complaints/" + feeDispute + "/extension").statusCode()).isEqualTo(200);
        for (String user : List.of("li.na", "sun.li")) {
            assertThat(staff(user).get(evidence(feeDispute)).statusCode()).as(user).isEqualTo(200);
            assertThat(staff(user).get(evidence(terminalFault)).statusCode()).as(user).isEqualTo(200);
        }
    }

    @Test
    void notificationsShowEachUserOnlyTheComplaintsTheyMaySee() {
        for (String number : List.of(feeDispute, terminalFault)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "select count(*) from notification_outbox where complaint_number = ? and status = 'PENDING'")
                    .param(number).query(Long.class).single() == 0);
        }
        jdbc.sql("update notification_outbox set status = 'FAILED', last_error = 'mailbox unavailable' where complaint_number in (?, ?)")
                .params(feeDispute, terminalFault).update();

        String technicalSupport = staff("zhang.wei").get("/staff/notifications").body();
        assertThat(technicalSupport).contains(terminalFault, terminalFaultEmail).doesNotContain(feeDispute, feeDisputeEmail);
        String complianceLegal = staff("chen.jing").get("/staff/notifications").body();
        assertThat(complianceLegal).contains(feeDispute, feeDisputeEmail).doesNotContain(terminalFault, terminalFaultEmail);
        assertThat(staff("zhao.lei").get("/staff/notifications").body()).doesNotContain(feeDispute, terminalFault);
        for (String user : List.of("wang.fang", "sun.li")) {
            assertThat(staff(user).get("/staff/notifications").body()).as(user).contains(feeDispute, terminalFault);
        }

        long feeDisputeMessage = jdbc.sql("select id from notification_outbox where complaint_number = ? and channel = 'EMAIL'")
                .param(feeDispute).query(Long.class).single();
        assertThat(staff("zhang.wei").postForm("/staff/notifications/" + feeDisputeMessage + "/retry", "",
                "Origin", "http://localhost:" + port).statusCode()).as("retrying another department's message").isEqualTo(403);
        assertThat(jdbc.sql("select status from notification_outbox where id = ?").param(feeDisputeMessage).query(String.class).single())
                .isEqualTo("FAILED");
    }

    private String register(Category category, String email) {
        return registered.add(intake.register(new ComplaintRegistration(Channel.HOTLINE, "深圳市访问测试商户", "13800138000", email,
                "M-" + TestIds.digits(), "T-1", category, false, "访问控制测试 access test", null, List.of())).complaint().getComplaintNumber());
    }

    /** A file posted to the evidence page as the browser's form sends it (multipart, same origin). */
    private HttpResponse<String> upload(String user, String number) throws Exception {
        String boundary = "----boundary" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"planted.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\na,b\n1,2\n\r\n--" + boundary + "\r\nContent-Disposition: form-data; "
                + "name=\"description\"\r\n\r\nplanted\r\n--" + boundary + "--\r\n";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + evidence(number)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", "http://localhost:" + port)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String evidence(String number) {
        return "/staff/complaints/" + number + "/evidence";
    }

    private Http staff(String user) {
        return Http.on(port).as(user, "demo");
    }
}
