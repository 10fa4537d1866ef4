package com.complaintdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.RegisteredComplaints;
import com.complaintdesk.support.StaffSteps;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The routing table's priority reaches the engine priority of the complaint's tasks, and the department's Tasklist
 * filter lists the urgent ones first.
 */
@ComplaintDeskSpringTest
class TaskPriorityTest {

    @Autowired IntakeService intake;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired FilterService filterService;

    private final RegisteredComplaints registered = new RegisteredComplaints();

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void theRoutingPrioritySetsTheTaskPriorityAndTheDepartmentsFilterListsUrgentWorkFirst() {
        String fault = routed(Category.TECHNICAL_FAULT);   // complaint-routing: HIGH
        String quality = routed(Category.PRODUCT_QUALITY); // complaint-routing: NORMAL

        Task diagnosis = task(fault, "Task_DiagnoseFault");
        Task qualityDiagnosis = task(quality, "Task_DiagnoseFault");
        assertThat(diagnosis.getPriority()).isEqualTo(75);
        assertThat(qualityDiagnosis.getPriority()).isEqualTo(50);

        String filterId = filterService.createFilterQuery().filterName(Departments.name(Departments.TECHNICAL_SUPPORT)).singleResult().getId();
        List<Task> listed = filterService.list(filterId);
        assertThat(listed).extracting(Task::getId).contains(diagnosis.getId(), qualityDiagnosis.getId());
        assertThat(listed).extracting(Task::getPriority).isSortedAccordingTo(Comparator.reverseOrder());
    }

    private String routed(Category category) {
        String number = registered.add(intake.register(new ComplaintRegistration(Channel.HOTLINE, "刘强", "13600136000",
                "liu.qiang." + TestIds.digits() + "@example.com", "M-" + TestIds.digits(), "T-5001", category, false,
                "终端经常断线 terminal keeps dropping its connection", null, List.of())).complaint().getComplaintNumber());
        Task triage = task(number, "Task_TriageComplaint");
        assertThat(triage.getPriority()).as("not routed yet: the engine's default").isEqualTo(50);
        new StaffSteps(taskService, identityService).complete(triage, "li.na", "customer-service", Map.of("category", category.name(),
                "subCategory", category == Category.PRODUCT_QUALITY ? "HARDWARE_DEFECT" : "CARD_READER", "viaSalesPromotion", false, "evidenceRequired", false, "isDuplicate", false));
        return number;
    }

    private Task task(String number, String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(key).singleResult(), t -> t != null);
    }
}
