package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.RegisteredComplaints;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A user task's reminders are rows of our own, written by its create listener at 50 % and 80 % of the time to its
 * due date, moved when the due date moves, sent once each while the task is open (by the scheduler that runs with the
 * outbox dispatcher), and dropped when the task is done.
 */
@ComplaintDeskSpringTest
class TaskReminderScheduleTest {

    @Autowired IntakeService intake;
    @Autowired TaskReminders taskReminders;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired OutboxRepository outbox;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final RegisteredComplaints registered = new RegisteredComplaints();

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void aNewTaskHasItsTwoRemindersBetweenCreationAndDueAndTheyAreSentOnceWhenTheDueDateComesClose() {
        String number = register();
        Task triage = task(number);
        Map<Integer, Instant> planned = taskReminders.scheduledFor(triage.getId());
        assertThat(planned).containsOnlyKeys(50, 80);
        Instant created = triage.getCreateTime().toInstant();
        Instant due = triage.getDueDate().toInstant();
        assertThat(planned.get(50)).isEqualTo(TaskReminders.pointOf(triage.getCreateTime(), triage.getDueDate(), 50))
                .isAfter(created).isBefore(planned.get(80));
        assertThat(planned.get(80)).isBefore(due);
        assertThat(reminders(number)).isEmpty();

        // the due date moves to a minute ago: both reminders are due now, and go out once (the same words twice at the
        // same moment would only be noise: the outbox writes one message per member of customer-service)
        triage.setDueDate(Date.from(Instant.now().minus(Duration.ofMinutes(1))));
        taskService.saveTask(triage);
        assertThat(taskReminders.scheduledFor(triage.getId()).values()).allSatisfy(at -> assertThat(at).isBefore(Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(number).size(), n -> n >= 2);
        assertThat(taskReminders.sendDue()).as("nothing left to send").isZero();
        assertThat(reminders(number)).hasSize(2)
                .extracting(OutboxMessage::getRecipient).containsOnly("wang.fang@complaintdesk.example", "li.na@complaintdesk.example");
        assertThat(reminders(number).get(0).getBody()).contains("100%");
    }

    @Test
    void theRemindersOfADoneTaskAreDroppedUnsent() {
        String number = register();
        Task triage = task(number);
        runtimeService.deleteProcessInstance(triage.getProcessInstanceId(), "withdrawn");
        assertThat(taskReminders.scheduledFor(triage.getId())).hasSize(2);
        // time passes: the reminders' moment comes after the task is gone
        jdbc.update("update task_reminder set remind_at = ? where task_id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(60)), triage.getId());

        await().atMost(Duration.ofSeconds(30)).until(() -> taskReminders.scheduledFor(triage.getId()).isEmpty());
        assertThat(taskReminders.sendDue()).isZero();
        assertThat(reminders(number)).isEmpty();
    }

    private String register() {
        return registered.add(intake.register(new ComplaintRegistration(Channel.HOTLINE, "刘强", "13600136000",
                "liu.qiang." + TestIds.digits() + "@example.com", "M-" + TestIds.digits(), "T-5001", Category.SERVICE_QUALITY, false,
                "回访电话没有打来 nobody called back", null, List.of())).complaint().getComplaintNumber());
    }

    private Task task(String number) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey("Task_TriageComplaint").singleResult(), t -> t != null);
    }

    private List<OutboxMessage> reminders(String number) {
        return outbox.findByComplaintNumberOrderByIdAsc(number).stream().filter(m -> m.getMessageType() == MessageType.TASK_REMINDER).toList();
    }
}
