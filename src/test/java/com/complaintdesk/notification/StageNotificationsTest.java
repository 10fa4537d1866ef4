package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.settlement.RemedyExecution;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Mailbox;
import com.complaintdesk.support.RegisteredComplaints;
import com.complaintdesk.support.StaffSteps;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messages of the stages, as they reach the SMTP server: evidence request and reminder, extension, final response,
 * a duplicate's closure, task reminders to a group or an assignee, and a breached deadline to the complaint managers.
 * (Proposal, agreement, execution and closure of a settled complaint: ComplaintLifecycleEndToEndTest.)
 */
@ComplaintDeskSpringTest
class StageNotificationsTest {

    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired Notifications notifications;
    @Autowired RemedyExecution remedies;
    @Autowired TaskReminders taskReminders;
    @Autowired @Qualifier("sendEvidenceReminder") JavaDelegate sendEvidenceReminder;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ProcessEngine processEngine;
    @Autowired OutboxRepository outbox;
    @Autowired GreenMail mailServer;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired RuntimeService runtimeService;

    private final RegisteredComplaints registered = new RegisteredComplaints();

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void theComplainantIsAskedForEvidenceAndRemindedOfIt() {
        String number = register("M-" + TestIds.digits(), Category.TECHNICAL_FAULT);
        complete("li.na", "customer-service", task(number, "Task_TriageComplaint"), Map.of("category", "TECHNICAL_FAULT",
                "subCategory", "CARD_READER", "viaSalesPromotion", false, "evidenceRequired", true, "isDuplicate", false));

        String request = Mailbox.text(mailbox().awaitOne(number, "请提供证据 Evidence needed"));
        assertThat(request).contains("第1轮", "round 1", "故障的照片或视频 photos or videos of the terminal fault",
                "http://localhost:8080/portal/");

        // what the reminder timer on Task_AwaitEvidence runs
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable("complaintNumber")).thenReturn(number);
        when(execution.getVariable("evidenceRound")).thenReturn(1);
        inTransaction(() -> {
            try {
                sendEvidenceReminder.execute(execution);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String reminder = Mailbox.text(mailbox().awaitOne(number, "提醒：请提供证据 Reminder, evidence needed"));
        assertThat(reminder).contains("我们尚未收到您就投诉 " + number + " 提供的证据（第1轮）", "We have not yet received the evidence");
    }

    @Test
    void anExtensionGivesTheNewDecisionDateAndWhy() {
        String number = register("M-" + TestIds.digits(), Category.PRODUCT_QUALITY);
        inTransaction(() -> notifications.toComplainant(records.get(number), MessageType.EXTENSION, Map.of(
                "previousDecisionDate", "2026-12-11", "decisionDate", "2027-01-10",
                "extensionReason", "等待厂商检测报告 waiting for the manufacturer's test report")));

        MimeMessage extension = mailbox().awaitOne(number, "答复期限延长");
        assertThat(Mailbox.text(extension)).contains("原答复期限 Previous decision date: 2026-12-11", "新答复期限 New decision date: 2027-01-10",
                "原因 Why: 等待厂商检测报告 waiting for the manufacturer's test report");
    }

    @Test
    void theFinalResponseGivesTheCompanysPositionAndTheRoutesOnward() {
        String number = register("M-" + TestIds.digits(), Category.FEE_DISPUTE);
        remedies.issueFinalResponse(number, "费率与合同一致 The rate charged is the contracted one");
        remedies.issueFinalResponse(number, "费率与合同一致 The rate charged is the contracted one"); // a retried step

        MimeMessage response = mailbox().awaitOne(number, "最终答复 Final response");
        assertThat(Mailbox.text(response)).contains("费率与合同一致 The rate charged is the contracted one",
                "12363", "People's Bank of China (PBoC)", "12315", "market regulator (SAMR)", "人民法院",
                "bring an action before a people's court, or apply for arbitration");
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.findByComplaintNumberOrderByIdAsc(number).stream()
                .allMatch(m -> m.getStatus() != OutboxStatus.PENDING));
        assertThat(mailbox().about(number)).extracting(Mailbox::subject).filteredOn(s -> s.startsWith("最终答复")).hasSize(1);
    }

    @Test
    void aDuplicateIsToldItIsClosedAndWhichComplaintGoesOn() {
        String merchant = "M-" + TestIds.digits();
        String original = register(merchant, Category.TECHNICAL_FAULT);
        String duplicate = register(merchant, Category.TECHNICAL_FAULT);
        complete("li.na", "customer-service", task(duplicate, "Task_TriageComplaint"), Map.of("category", "TECHNICAL_FAULT",
                "subCategory", "CARD_READER", "isDuplicate", true, "duplicateOf", original, "evidenceRequired", false));

        String closure = Mailbox.text(mailbox().awaitOne(duplicate, "投诉已结案 Complaint closed"));
        assertThat(closure).contains("结果 Outcome: 重复投诉 Duplicate of another complaint", "重复投诉，见 Duplicate of " + original);
    }

    @Test
    void aTaskReminderGoesToTheCandidateGroupsMembersAndOnceClaimedToTheAssigneeOnly() {
        String number = register("M-" + TestIds.digits(), Category.SERVICE_QUALITY);
        Task triage = task(number, "Task_TriageComplaint");
        setDue(triage, Instant.now().plus(Duration.ofDays(2)));
        remind(triage);

        List<MimeMessage> toGroup = await().atMost(Duration.ofSeconds(30))
                .until(() -> reminders(number), m -> m.size() >= 2);
        assertThat(toGroup).flatExtracting(Mailbox::recipients)
                .contains("wang.fang@complaintdesk.example", "li.na@complaintdesk.example")
                .doesNotContain("zhang.wei@complaintdesk.example", "sun.li@complaintdesk.example");
        MimeMessage toWangFang = toGroup.stream().filter(m -> Mailbox.recipients(m).contains("wang.fang@complaintdesk.example")).findFirst().orElseThrow();
        assertThat(Mailbox.subject(toWangFang)).isEqualTo("任务提醒 Task reminder: 分诊投诉 Triage complaint (" + number + ")");
        assertThat(Mailbox.text(toWangFang)).startsWith("王芳：").contains("已用去处理时限的 0%",
                "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + triage.getId());

        // every reminder of the group sent before the task is claimed
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.findByComplaintNumberOrderByIdAsc(number).stream()
                .noneMatch(m -> m.getStatus() == OutboxStatus.PENDING));
        // GreenMail lists its messages mailbox by mailbox, not in the order they came: count each recipient's
        long toWangFangBefore = remindersTo(number, "wang.fang@complaintdesk.example");
        long toLiNaBefore = remindersTo(number, "li.na@complaintdesk.example");
        taskService.claim(triage.getId(), "wang.fang");
        setDue(triage, Instant.now().plus(Duration.ofDays(1))); // a later reminder: a different due date
        remind(triage);
        await().atMost(Duration.ofSeconds(30)).until(() -> remindersTo(number, "wang.fang@complaintdesk.example") == toWangFangBefore + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.findByComplaintNumberOrderByIdAsc(number).stream()
                .noneMatch(m -> m.getStatus() == OutboxStatus.PENDING));
        assertThat(remindersTo(number, "li.na@complaintdesk.example")).as("nothing more to the group once claimed").isEqualTo(toLiNaBefore);
    }

    @Test
    void aBreachedDeadlineGoesToTheComplaintManagers() {
        String number = register("M-" + TestIds.digits(), Category.COMPLIANCE);
        // sent from a step a customer-service agent completes: the managers are looked up as the application, not as her
        identityService.setAuthentication("li.na", List.of("customer-service"));
        try {
            inTransaction(() -> notifications.toStaff("complaint-managers", null, MessageType.DEADLINE_BREACHED,
                    Map.of("complaintNumber", number, "decisionDate", "2026-12-11")));
            assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("li.na");
        } finally {
            identityService.clearAuthentication();
        }

        MimeMessage breach = mailbox().awaitOne(number, "超期未答复 Decision deadline breached");
        assertThat(Mailbox.recipients(breach)).contains("sun.li@complaintdesk.example").doesNotContain("wang.fang@complaintdesk.example");
        assertThat(Mailbox.text(breach)).startsWith("孙丽：").contains("was due by 2026-12-11", "http://localhost:8080/camunda/app/tasklist/default/");
        assertThat(outbox.findByComplaintNumberOrderByIdAsc(number)).filteredOn(m -> m.getMessageType() == MessageType.DEADLINE_BREACHED)
                .allSatisfy(m -> assertThat(m.getComplaintId()).isEqualTo(records.get(number).getId()));
    }

    // ---- helpers ----

    private String register(String merchant, Category category) {
        return registered.add(intake.register(new ComplaintRegistration(Channel.HOTLINE, "刘强", "13600136000", "liu.qiang." + TestIds.digits() + "@example.com",
                merchant, "T-5001", category, false, "终端经常断线 terminal keeps dropping its connection", null, List.of()))
                .complaint().getComplaintNumber());
    }

    private Mailbox mailbox() {
        return new Mailbox(mailServer);
    }

    private long remindersTo(String number, String address) {
        return reminders(number).stream().filter(m -> Mailbox.recipients(m).contains(address)).count();
    }

    private List<MimeMessage> reminders(String number) {
        return mailbox().about(number).stream().filter(m -> Mailbox.subject(m).startsWith("任务提醒")).toList();
    }

    /** What a timeout listener does: the reminder with the engine's own task, in the engine's transaction. */
    private void remind(Task task) {
        ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(commandContext -> {
                    taskReminders.remind(commandContext.getTaskManager().findTaskById(task.getId()));
                    return null;
                });
    }

    private void setDue(Task task, Instant due) {
        Task current = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        current.setDueDate(Date.from(due));
        taskService.saveTask(current);
    }

    private Task task(String number, String key) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey(key).singleResult(), t -> t != null);
    }

    private void complete(String user, String group, Task task, Map<String, Object> variables) {
        new StaffSteps(taskService, identityService).complete(task, user, group, variables);
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }
}
