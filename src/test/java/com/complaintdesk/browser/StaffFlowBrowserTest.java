package com.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff's work on one complaint, in the real Tasklist and Cockpit, in headless Chromium: customer service
 * registers a terminal fault with the start form and triages it; technical support finds it in its filter, diagnoses
 * a remote fix and proposes a replacement terminal, which the DMN table settlement-approval sends to the complaint
 * managers; a manager approves it and finds the complaint in Cockpit by its number; customer service records the
 * complainant's acceptance and signature, confirms the replacement once the remedy job has run, and closes the
 * complaint; the manager then sees in Cockpit that it no longer runs, and in the history that it completed.
 *
 * <p>Skipped, with a message, where Chromium or ChromeDriver is missing; failed instead when CI is set.
 */
@ComplaintDeskSpringTest
@Tag("browser")
class StaffFlowBrowserTest {

    static final String PROCESS_NAME = "投诉处理流程 Complaint lifecycle";
    static final String PASSWORD = "demo";

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;
    @Autowired ComplaintRecords records;

    @Test
    void aTerminalFaultGoesFromRegistrationThroughApprovalToClosureInTasklist() {
        Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
        String merchant = "M-BROWSER-" + TestIds.digits();

        // customer service registers the complaint with the start form
        tasklist.logInAs("wang.fang", PASSWORD);
        tasklist.openStartForm(PROCESS_NAME);
        tasklist.choose("Channel", "Hotline");
        tasklist.type("Complainant name", "刘建国");
        tasklist.type("Phone", "139 1234 5678");
        tasklist.type("Merchant ID", merchant);
        tasklist.type("Terminal serial number", "LKL-A8-004217");
        tasklist.choose("Category", "Technical fault");
        tasklist.type("Description", "终端每天死机三四次，刷卡中途重启 terminal freezes and restarts during card payments");
        tasklist.start();

        String number = await().atMost(Duration.ofSeconds(30)).until(() -> businessKeyOf(merchant), key -> key != null);
        assertThat(number).matches("CP-\\d{8}-\\d{6}");

        // ... and triages it: a technical fault, no evidence needed
        Task triage = taskOf(number, "Task_TriageComplaint");
        tasklist.seeInFilter("客户服务部 Customer service", triage.getId());
        tasklist.openAndClaim(triage.getId(), "Triage complaint");
        browser.visible(By.xpath("//*[@cam-tasklist-task]//h3[contains(., '" + number + "')]"));
        tasklist.choose("Sub-category", "system crash");
        tasklist.type("Triage note", "远程可处理 likely fixable remotely");
        tasklist.complete(triage.getId());
        assertCompletedBy(triage, "wang.fang");

        // technical support sees it in its filter, claims it and diagnoses a remote fix
        Task diagnosis = taskOf(number, "Task_DiagnoseFault");
        tasklist.logInAs("zhang.wei", PASSWORD);
        tasklist.seeInFilter("技术支持部 Technical support", diagnosis.getId());
        tasklist.openAndClaim(diagnosis.getId(), "Diagnose terminal fault");
        tasklist.type("Diagnosis", "主板存储故障，固件反复崩溃 failing flash memory crashes the firmware");
        tasklist.choose("Fix method", "Remote fix");
        tasklist.type("Findings", "远程刷机后仍死机，建议换机 still crashes after a remote reflash: replace the terminal");
        tasklist.complete(diagnosis.getId());
        assertCompletedBy(diagnosis, "zhang.wei");

        // ... and proposes a replacement terminal, which needs a complaint manager (DMN settlement-approval)
        Task proposal = taskOf(number, "Task_ProposeResolution");
        tasklist.seeInFilter("技术支持部 Technical support", proposal.getId());
        tasklist.openAndClaim(proposal.getId(), "Propose resolution");
        tasklist.choose("Remedy", "Replacement");
        tasklist.type("Amount", "800");
        tasklist.type("Rationale", "终端硬件缺陷，保修期内换新 hardware defect within warranty: new terminal");
        tasklist.choose("Root cause", "Device defect");
        tasklist.complete(proposal.getId());
        assertCompletedBy(proposal, "zhang.wei");

        // a complaint manager approves it
        Task approval = taskOf(number, "Task_ApproveProposal");
        assertThat(taskService.getIdentityLinksForTask(approval.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("complaint-managers"));
        tasklist.logInAs("sun.li", PASSWORD);
        tasklist.seeInFilter("投诉主管 Complaint managers", approval.getId());
        tasklist.openAndClaim(approval.getId(), "Approve proposal");
        tasklist.tick("Approve");
        tasklist.type("Comment", "同意换机 replacement approved");
        tasklist.complete(approval.getId());
        assertCompletedBy(approval, "sun.li");

        // ... and finds the running complaint in Cockpit by its number
        String definitionId = runtimeService.createProcessInstanceQuery().processDefinitionKey(Processes.LIFECYCLE_KEY)
                .processInstanceBusinessKey(number).singleResult()
                .getProcessDefinitionId();
        tasklist.openCockpitDefinition(definitionId, number);
        browser.visible(By.xpath("//td[contains(@class,'business-key')][contains(normalize-space(.), '" + number + "')]"));

        // customer service records the acceptance and the signature
        Task negotiation = taskOf(number, "Task_NegotiateSettlement");
        tasklist.logInAs("wang.fang", PASSWORD);
        tasklist.seeInFilter("客户服务部 Customer service", negotiation.getId());
        tasklist.openAndClaim(negotiation.getId(), "Negotiate settlement");
        tasklist.choose("Complainant's answer", "Accept");
        tasklist.complete(negotiation.getId());
        assertCompletedBy(negotiation, "wang.fang");

        Task signature = taskOf(number, "Task_SignAgreement");
        tasklist.seeInFilter("客户服务部 Customer service", signature.getId());
        tasklist.openAndClaim(signature.getId(), "Record signed agreement");
        tasklist.tick("Complainant signed the agreement");
        tasklist.choose("Signature method", "Phone recording");
        tasklist.date("Signed on", java.time.LocalDate.now(BusinessTime.ZONE).toString());
        tasklist.complete(signature.getId());
        assertCompletedBy(signature, "wang.fang");

        // the replacement order is an asynchronous job: wait for the job executor, then confirm it was carried out
        Task confirmation = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> findTask(number, "Task_ConfirmExecution"), task -> task != null);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(confirmation.getProcessInstanceId())
                .activityId("Task_OrderDeviceService").finished().count()).isEqualTo(1);
        browser.driver().navigate().refresh();
        tasklist.seeInFilter("客户服务部 Customer service", confirmation.getId());
        tasklist.openAndClaim(confirmation.getId(), "Confirm settlement carried out");
        tasklist.tick("Confirmed carried out");
        tasklist.type("Execution note", "新终端已送达并激活 new terminal delivered and activated");
        tasklist.complete(confirmation.getId());
        assertCompletedBy(confirmation, "wang.fang");

        // ... and closes it
        Task closing = taskOf(number, "Task_CloseComplaint");
        tasklist.seeInFilter("客户服务部 Customer service", closing.getId());
        tasklist.openAndClaim(closing.getId(), "Close complaint");
        tasklist.choose("Outcome", "Resolved, non-monetary remedy");
        tasklist.choose("Root cause", "Device defect");
        tasklist.type("Closing summary", "已换新终端，商户确认正常 terminal replaced, merchant confirms it works");
        tasklist.complete(closing.getId());
        assertCompletedBy(closing, "wang.fang");

        await().atMost(Duration.ofSeconds(30)).until(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(number).processDefinitionKey("complaint-lifecycle").singleResult().getState(),
                "COMPLETED"::equals);
        Complaint closed = records.get(number);
        assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closed.getOutcome()).isEqualTo(Outcome.RESOLVED_NON_MONETARY);

        // the manager finds it in Cockpit no more among the running complaints, and in the history as completed
        tasklist.logInAs("sun.li", PASSWORD);
        tasklist.openCockpitDefinition(definitionId, number);
        browser.visible(By.xpath("//*[contains(normalize-space(.), 'No process instances matched by current filter')]"));
        assertThat(browser.driver().findElements(By.xpath("//td[contains(@class,'business-key')][contains(., '" + number + "')]")))
                .isEmpty();
        assertThat(historyAsUser("sun.li", number)).contains("\"businessKey\":\"" + number + "\"").contains("\"state\":\"COMPLETED\"");
    }

    // ---- helpers ----

    private String businessKeyOf(String merchant) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(Processes.LIFECYCLE_KEY)
                .variableValueEquals(Lifecycle.MERCHANT_ID.name(), merchant).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    private Task findTask(String number, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult();
    }

    /** The complaint's task of that key, once the process has got there. */
    private Task taskOf(String number, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> findTask(number, taskKey), task -> task != null);
    }

    private void assertCompletedBy(Task task, String user) {
        HistoricTaskInstance done = await().atMost(Duration.ofSeconds(10)).until(
                () -> historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().singleResult(),
                historic -> historic != null);
        assertThat(done.getAssignee()).as("who completed %s", task.getTaskDefinitionKey()).isEqualTo(user);
        assertThat(done.getDeleteReason()).isEqualTo("completed");
    }

    /** The engine REST API's history of the complaint, as that user sees it (HTTP Basic). */
    private String historyAsUser(String user, String number) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/history/process-instance?processInstanceBusinessKey=" + number))
                .header("Authorization", "Basic " + credentials)
                .GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("history as %s: %s", user, response.body()).isEqualTo(200);
            return response.body().replace(" ", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
