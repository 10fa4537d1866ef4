package com.complaintdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.RegisteredComplaints;
import com.complaintdesk.support.StaffSteps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Decisions are bound to the complaint's deployment (models/DeploymentDecisions): a routing table deployed while a
 * complaint waits for triage is the latest table, yet that complaint is routed by the table it started with.
 */
@ComplaintDeskSpringTest
class RoutingStaysWithTheDeploymentTest {

    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired RepositoryService repositoryService;
    @Autowired DecisionService decisionService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    private final RegisteredComplaints registered = new RegisteredComplaints();
    private Deployment changedRouting;

    @AfterEach
    void cleanUp() {
        registered.endProcesses(runtimeService);
        if (changedRouting != null) {
            repositoryService.deleteDeployment(changedRouting.getId(), true);
        }
    }

    @Test
    void aRoutingChangeDeployedWhileAComplaintWaitsDoesNotChangeItsRouting() {
        String number = registered.add(intake.register(new ComplaintRegistration(Channel.HOTLINE, "刘强", "13600136000",
                "liu.qiang." + TestIds.digits() + "@example.com", "M-" + TestIds.digits(), "T-5001", Category.SERVICE_QUALITY, false,
                "回访电话没有打来 nobody called back", null, List.of())).complaint().getComplaintNumber());
        StaffSteps staff = new StaffSteps(taskService, identityService);
        await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey("Task_TriageComplaint").count() == 1);

        // a process owner deploys a table that sends service-quality complaints to marketing & brand
        changedRouting = repositoryService.createDeployment().name("routing change")
                .addString("complaint-routing.dmn", routingTable()
                        .replaceFirst("(?s)(<rule id=\"Rule_ServiceQuality\">.*?)\"customer-service\"", "$1\"marketing-brand\""))
                .deploy();
        assertThat(decisionService.evaluateDecisionByKey("complaint-routing")
                .variables(Variables.createVariables().putValue("category", "SERVICE_QUALITY").putValue("viaSalesPromotion", false))
                .evaluate().getSingleResult().<String>getEntry("department"))
                .as("the latest table").isEqualTo("marketing-brand");

        staff.complete(number, "li.na", "customer-service", "Task_TriageComplaint", Map.of("category", "SERVICE_QUALITY",
                "subCategory", "NO_CALLBACK", "viaSalesPromotion", false, "evidenceRequired", false, "isDuplicate", false));

        assertThat(records.get(number).getDepartment()).as("routed by the table deployed with its process").isEqualTo("customer-service");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_InvestigateServiceIssue")
                .singleResult()).isNotNull();
    }

    private static String routingTable() {
        try (InputStream in = RoutingStaysWithTheDeploymentTest.class.getClassLoader().getResourceAsStream("processes/complaint-routing.dmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
