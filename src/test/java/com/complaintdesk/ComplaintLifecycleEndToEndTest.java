package com.complaintdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.RootCause;
import com.complaintdesk.complaint.TimelineEntry;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.settlement.LedgerRepository;
import com.complaintdesk.settlement.RemedyExecution;
import com.complaintdesk.settlement.AgreementRepository;
import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Mailbox;
import com.icegreen.greenmail.util.GreenMail;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole application on PostgreSQL: a complaint registered through the intake service (and one through the
 * Tasklist start form) is carried department by department to closure; the record, its timeline, the agreement and
 * the ledger are checked in our tables, the process in the engine's.
 */
@ComplaintDeskSpringTest
class ComplaintLifecycleEndToEndTest {

    @Autowired IntakeService intake;
    @Autowired ComplaintRecords records;
    @Autowired ComplaintRepository complaints;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired FormService formService;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired LedgerRepository ledger;
    @Autowired AgreementRepository agreements;
    @Autowired RemedyExecution remedies;
    @Autowired GreenMail mailServer;

    @Test
    void aFeeDisputeIsRegisteredAuditedRefundedOnceAndClosed() {
        String merchant = "M-" + TestIds.digits();
        IntakeService.Registered registered = intake.register(new ComplaintRegistration(Channel.HOTLINE, "李四", "13800138000",
                "li.si@example.com", merchant, "T-88001", Category.FEE_DISPUTE, false,
                "费率从0.60%涨到0.78%，没有通知 rate raised without notice", new BigDecimal("0.60"),
                List.of(new ComplaintRegistration.TransactionLine("TX-1", Instant.parse("2026-11-20T02:00:00Z"), new BigDecimal("10000.00"), new BigDecimal("78.00")),
                        new ComplaintRegistration.TransactionLine("TX-2", Instant.parse("2026-11-21T02:00:00Z"), new BigDecimal("5000.00"), new BigDecimal("30.00")))));
        String number = registered.complaint().getComplaintNumber();
        assertThat(number).matches("CP-\\d{8}-\\d{6}");

        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
        assertThat(instance).isNotNull();
        assertThat(records.get(number).getProcessInstanceId()).isEqualTo(instance.getId());

        Task triage = taskOf(number, "Task_TriageComplaint");
        assertThat(taskService.getVariableLocal(triage.getId(), "complaintSummary").toString())
                .contains("李四", "手续费争议 Fee dispute", "热线电话 Hotline", "已登记 Registered", "TX-1", "10000.00")
                .doesNotContain("FEE_DISPUTE", "HOTLINE", "REGISTERED");
        // Tasklist's list columns: words, before routing no priority yet
        assertThat(taskService.getVariablesLocal(triage.getId(), List.of("categoryLabel", "priorityLabel", "departmentLabel")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("categoryLabel", "手续费争议 Fee dispute", "priorityLabel", "未定 Not yet set"));
        complete("wang.fang", "customer-service", triage, Map.of("category", "FEE_DISPUTE", "subCategory", "RATE_RAISED_WITHOUT_NOTICE",
                "viaSalesPromotion", false, "evidenceRequired", false, "isDuplicate", false));

        Task audit = taskOf(number, "Task_AuditFees");
        assertThat(records.get(number).getDepartment()).isEqualTo("compliance-legal");
        // the sub-category in words, in the key facts and the triage's timeline entry, not its code
        assertThat(taskService.getVariableLocal(audit.getId(), "complaintSummary").toString())
                .contains("手续费争议 Fee dispute · 未经通知上调费率 rate raised without notice").doesNotContain("RATE_RAISED_WITHOUT_NOTICE");
        assertThat(records.timelineOf(records.get(number))).filteredOn(e -> e.getMilestone() == Milestone.TRIAGED).singleElement()
                .satisfies(e -> assertThat(e.getDetail()).contains("未经通知上调费率 rate raised without notice").doesNotContain("RATE_RAISED"));
        assertThat(taskService.getVariablesLocal(audit.getId(), List.of("categoryLabel", "priorityLabel", "departmentLabel")))
                .containsEntry("categoryLabel", "手续费争议 Fee dispute")
                .containsEntry("priorityLabel", records.get(number).getPriority().label())
                .containsEntry("departmentLabel", "合规与法务部 Compliance & legal");
        assertThat(taskService.getVariable(audit.getId(), "feeAuditRefund")).isEqualTo(18.0); // 78.00 - 10000 x 0.60%
        complete("chen.jing", "compliance-legal", audit, Map.of("confirmedRefund", 18.0, "findings", "0.78% charged against a 0.60% contract"));

        complete("chen.jing", "compliance-legal", taskOf(number, "Task_ProposeResolution"), Map.of("remedy", "REFUND",
                "proposedAmount", 18.0, "proposalRationale", "refund the overcharge", "rootCause", "FEE_CONFIGURATION"));
        complete("wang.fang", "customer-service", taskOf(number, "Task_NegotiateSettlement"), Map.of("settlementResponse", "ACCEPT"));

        Task sign = taskOf(number, "Task_SignAgreement");
        var agreement = agreements.findByComplaintIdOrderByIdAsc(records.get(number).getId()).get(0);
        assertThat(agreement.getBody()).contains(number, "李四", "¥18.00", "退款 Refund");
        assertThat(agreement.getSha256()).hasSize(64);
        // a signing date before the complaint existed, or still to come, is refused naming the field
        assertThatThrownBy(() -> complete("wang.fang", "customer-service", sign, Map.of("agreementSigned", true,
                "signatureMethod", "PHONE_RECORDING", "signedOn", "2020-01-01")))
                .hasMessageContaining("signedOn").hasMessageContaining("before the complaint was registered");
        assertThatThrownBy(() -> complete("wang.fang", "customer-service", sign, Map.of("agreementSigned", true,
                "signatureMethod", "PHONE_RECORDING", "signedOn", java.time.LocalDate.now().plusDays(3).toString())))
                .hasMessageContaining("signedOn").hasMessageContaining("future");
        complete("wang.fang", "customer-service", sign, Map.of("agreementSigned", true, "signatureMethod", "PHONE_RECORDING", "signedOn",
                java.time.LocalDate.now(BusinessTime.ZONE).toString()));

        Task confirm = await().atMost(Duration.ofSeconds(30)).until(() -> findTask(number, "Task_ConfirmExecution"), t -> t != null);
        Complaint afterPayment = records.get(number);
        assertThat(ledger.findByComplaintId(afterPayment.getId())).singleElement()
                .satisfies(entry -> assertThat(entry.getAmount()).isEqualByComparingTo("18.00"));
        remedies.pay(number); // the same step once more, as a retried job would
        assertThat(ledger.findByComplaintId(afterPayment.getId())).hasSize(1);

        complete("wang.fang", "customer-service", confirm, Map.of("executionConfirmed", true));
        complete("wang.fang", "customer-service", taskOf(number, "Task_CloseComplaint"), Map.of("outcome", "RESOLVED_MONETARY",
                "rootCause", "FEE_CONFIGURATION", "closingSummary", "多收手续费已退还 overcharge refunded"));

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey("complaint-lifecycle").singleResult().getState())
                .isEqualTo("COMPLETED");
        Complaint closed = records.get(number);
        assertThat(closed.getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(closed.getOutcome()).isEqualTo(Outcome.RESOLVED_MONETARY);
        assertThat(closed.getRootCause()).isEqualTo(RootCause.FEE_CONFIGURATION);
        assertThat(closed.getTransactions().get(0).getOvercharge()).isEqualByComparingTo("18.00");
        List<TimelineEntry> timeline = records.timelineOf(closed);
        assertThat(timeline).extracting(TimelineEntry::getMilestone).containsSubsequence(Milestone.REGISTERED, Milestone.TRIAGED,
                Milestone.ROUTED, Milestone.FEE_AUDIT_COMPUTED, Milestone.INVESTIGATION_FINDING, Milestone.PROPOSAL_MADE,
                Milestone.SETTLEMENT_RESPONSE, Milestone.AGREEMENT_DRAFTED, Milestone.AGREEMENT_SIGNED, Milestone.REMEDY_EXECUTED,
                Milestone.EXECUTION_CONFIRMED, Milestone.CLOSED);
        assertThat(timeline).filteredOn(e -> e.getMilestone() == Milestone.TRIAGED).extracting(TimelineEntry::getActor).containsExactly("wang.fang");
        assertThat(timeline).filteredOn(e -> e.getMilestone() == Milestone.REMEDY_EXECUTED).extracting(TimelineEntry::getActor).containsExactly("system");

        // the complainant was told at every step, once, by e-mail
        Mailbox mailbox = new Mailbox(mailServer);
        assertThat(Mailbox.text(mailbox.awaitOne(number, "解决方案 Our proposal"))).contains("补救方式 Remedy: 退款 Refund",
                "金额 Amount (CNY): ¥18.00", "refund the overcharge");
        assertThat(Mailbox.text(mailbox.awaitOne(number, "和解协议 Settlement agreement " + agreement.getAgreementNumber())))
                .contains("SHA-256 of the agreement text: " + agreement.getSha256());
        assertThat(Mailbox.text(mailbox.awaitOne(number, "补救已履行 Remedy carried out"))).contains("已支付 Paid 退款 Refund ¥18.00");
        assertThat(Mailbox.text(mailbox.awaitOne(number, "投诉已结案 Complaint closed")))
                .contains("结果 Outcome: 已解决（款项已支付） Resolved with a payment", "多收手续费已退还 overcharge refunded");
        assertThat(mailbox.about(number)).extracting(Mailbox::subject).map(subject -> subject.substring(0, subject.indexOf(' ')))
                .containsExactlyInAnyOrder("投诉已受理", "解决方案", "和解协议", "补救已履行", "投诉已结案");
        assertThat(Mailbox.recipients(mailbox.about(number).get(0))).containsExactly("li.si@example.com");
    }

    @Test
    void theTasklistStartFormRegistersTheComplaintWithItsNumberAsBusinessKeyAndMasksCardNumbers() {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint-lifecycle")
                .latestVersion().singleResult().getId();
        Map<String, Object> form = startForm("M-" + TestIds.digits());
        form.put("description", "卡号 4111 1111 1111 1111 刷卡失败 card payment failed, call 13800138000");
        ProcessInstance instance = as("wang.fang", "customer-service", () -> formService.submitStartForm(definitionId, form));

        String number = instance.getBusinessKey() != null ? instance.getBusinessKey()
                : historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getBusinessKey();
        assertThat(number).matches("CP-\\d{8}-\\d{6}");
        Complaint complaint = records.get(number);
        assertThat(complaint.getProcessInstanceId()).isEqualTo(instance.getId());
        assertThat(complaint.getRegisteredBy()).isEqualTo("wang.fang");
        assertThat(complaint.getDescription()).contains("411111******1111").doesNotContain("4111 1111 1111 1111")
                .contains("13800138000"); // not a card number: left alone
        assertThat(runtimeService.getVariable(instance.getId(), "description").toString()).doesNotContain("4111 1111 1111 1111");
        assertThat(complaint.getTransactions()).singleElement().satisfies(tx -> assertThat(tx.getAmount()).isEqualByComparingTo("2000.00"));
        assertThat(taskOf(number, "Task_TriageComplaint")).isNotNull();
    }

    @Test
    void badStartFormInputNamesTheFieldsAndWritesNothing() {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey("complaint-lifecycle")
                .latestVersion().singleResult().getId();
        long complaintsBefore = complaints.count();
        long instancesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("complaint-lifecycle").count();
        Map<String, Object> form = startForm("M-bad");
        form.remove("complainantName");
        form.put("complainantPhone", "call me");
        form.put("transactionAmount", -5);

        assertThatThrownBy(() -> as("wang.fang", "customer-service", () -> formService.submitStartForm(definitionId, form)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("transactionAmount");
        form.put("transactionAmount", 100);
        assertThatThrownBy(() -> as("wang.fang", "customer-service", () -> formService.submitStartForm(definitionId, form)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("complainantName").hasMessageContaining("complainantPhone");

        assertThat(complaints.count()).isEqualTo(complaintsBefore);
        assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("complaint-lifecycle").count())
                .isEqualTo(instancesBefore);
    }

    @Test
    void anOpenComplaintFromTheSameMerchantInTheSameCategoryIsShownAsAPossibleDuplicate() {
        String merchant = "M-" + TestIds.digits();
        String first = intake.register(registration(merchant, Category.TECHNICAL_FAULT)).complaint().getComplaintNumber();
        IntakeService.Registered second = intake.register(registration(merchant, Category.TECHNICAL_FAULT));
        IntakeService.Registered otherCategory = intake.register(registration(merchant, Category.SERVICE_QUALITY));

        assertThat(second.suspectedDuplicateOf()).isEqualTo(first);
        assertThat(otherCategory.suspectedDuplicateOf()).isNull();
        String secondNumber = second.complaint().getComplaintNumber();
        assertThat(runtimeService.getVariable(instanceOf(secondNumber), "suspectedDuplicateOf")).isEqualTo(first);
        assertThat(Long.parseLong(secondNumber.substring(12))).isEqualTo(Long.parseLong(first.substring(12)) + 1);

        // triage confirms it; the duplicate closes with a link to the original
        complete("li.na", "customer-service", taskOf(secondNumber, "Task_TriageComplaint"), Map.of("category", "TECHNICAL_FAULT",
                "subCategory", "CARD_READER", "isDuplicate", true, "duplicateOf", first, "evidenceRequired", false));
        Complaint closed = records.get(secondNumber);
        assertThat(closed.getOutcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(closed.getDuplicateOf()).isEqualTo(first);
        assertThat(closed.getClosingSummary()).contains(first);
    }

    @Test
    void triageRefusesADuplicateWithoutAnExistingOriginal() {
        String number = intake.register(registration("M-" + TestIds.digits(), Category.OTHER)).complaint().getComplaintNumber();
        Task triage = taskOf(number, "Task_TriageComplaint");
        assertThatThrownBy(() -> complete("li.na", "customer-service", triage, Map.of("category", "OTHER", "subCategory", "OTHER",
                "isDuplicate", true)))
                .as("the form shows and requires duplicateOf once isDuplicate is ticked").hasMessageContaining("duplicateOf: is required");
        assertThatThrownBy(() -> complete("li.na", "customer-service", triage, Map.of("category", "OTHER", "subCategory", "OTHER",
                "isDuplicate", true, "duplicateOf", number)))
                .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("duplicateOf: cannot be the complaint itself");
        assertThat(taskOf(number, "Task_TriageComplaint").getId()).isEqualTo(triage.getId());
        assertThat(records.get(number).getStatus()).isEqualTo(ComplaintStatus.REGISTERED);
    }

    // ---- helpers ----

    private static ComplaintRegistration registration(String merchant, Category category) {
        return new ComplaintRegistration(Channel.ONLINE, "张三", "13900139000", null, merchant, "T-" + merchant, category, false,
                "终端无法开机 terminal will not power on", null, List.of());
    }

    private static Map<String, Object> startForm(String merchant) {
        Map<String, Object> form = new HashMap<>();
        form.put("channel", "HOTLINE");
        form.put("complainantName", "赵六");
        form.put("complainantPhone", "13700137000");
        form.put("merchantId", merchant);
        form.put("terminalSerial", "T-99");
        form.put("category", "TECHNICAL_FAULT");
        form.put("viaSalesPromotion", false);
        form.put("description", "终端死机 terminal freezes");
        form.put("transactionReference", "TX-9");
        form.put("transactionTime", "2026-11-25T14:30+08:00");
        form.put("transactionAmount", 2000);
        form.put("feeCharged", 12);
        return form;
    }

    private String instanceOf(String number) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("complaint-lifecycle").processInstanceBusinessKey(number)
                .singleResult().getId();
    }

    private Task findTask(String number, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key).singleResult();
    }

    private Task taskOf(String number, String key) {
        Task task = findTask(number, key);
        assertThat(task).as("task %s of %s", key, number).isNotNull();
        return task;
    }

    private void complete(String user, String group, Task task, Map<String, Object> variables) {
        as(user, group, () -> {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    private <T> T as(String user, String group, java.util.function.Supplier<T> action) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
