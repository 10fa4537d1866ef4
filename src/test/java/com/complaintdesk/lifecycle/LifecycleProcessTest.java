package com.complaintdesk.lifecycle;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import com.complaintdesk.closure.Closure;
import com.complaintdesk.config.ComplaintPolicy;
import com.complaintdesk.deadline.Breaches;
import com.complaintdesk.deadline.Extensions;
import com.complaintdesk.notification.TaskReminders;
import com.complaintdesk.evidence.EvidenceSteps;
import com.complaintdesk.investigation.Investigation;
import com.complaintdesk.settlement.Agreements;
import com.complaintdesk.settlement.RemedyExecution;
import com.complaintdesk.settlement.Settlement;
import com.complaintdesk.triage.Triage;
import com.complaintdesk.legal.Legal;
import com.complaintdesk.referral.Referrals;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import com.complaintdesk.triage.RoutingOfEarlierVersions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the fast process tests: the real complaint-lifecycle model and DMN tables on an in-memory engine, with
 * every bean the model calls replaced by a Mockito mock registered under its bean name. The mocks of the service
 * tasks set the variables the real delegates set, so the gateways decide as in production; each test asserts
 * where the process waits, which group holds the task and what the services were asked to do.
 *
 * <p>The tests of each stage live in an abstract subclass; {@link ComplaintLifecycleProcessTest} runs them all as
 * nested classes on one engine, so that their process coverage is measured and asserted together.
 */
@Deployment(resources = {"processes/complaint-lifecycle.bpmn", "processes/settlement-execution.bpmn", "processes/legal-proceedings.bpmn",
        "processes/regulator-referral.bpmn", "processes/complaint-routing.dmn", "processes/settlement-approval.dmn",
        // the tasks' forms: the completion guard checks every completion against them, as in production
        "forms/approve-proposal.form", "forms/approve-regulator-response.form", "forms/assess-legal-claim.form",
        "forms/audit-fees.form", "forms/await-evidence.form", "forms/close-complaint.form", "forms/confirm-execution.form",
        "forms/consult-department.form", "forms/investigate-compliance-issue.form",
        "forms/decide-appeal.form", "forms/decide-extension.form", "forms/diagnose-fault.form", "forms/engage-counsel.form",
        "forms/handle-breach.form", "forms/investigate-brand-issue.form", "forms/investigate-service-issue.form",
        "forms/negotiate-settlement.form", "forms/prepare-regulator-response.form", "forms/propose-resolution.form",
        "forms/record-court-decision.form", "forms/record-court-mediation.form", "forms/record-hearing.form",
        "forms/record-legal-filing.form", "forms/record-manufacturer-answer.form", "forms/record-regulator-compliance.form",
        "forms/record-regulator-decision.form", "forms/record-site-visit.form", "forms/register-complaint.form",
        "forms/review-evidence.form", "forms/sign-agreement.form", "forms/submit-regulator-response.form",
        "forms/triage-complaint.form", "forms/write-final-response.form"})
abstract class LifecycleProcessTest {

    static final String NUMBER = "CP-20261126-000042";

    /** The in-memory engine of the process tests (engine name process-tests, not "default"). */
    static final String ENGINE_CONFIGURATION = "camunda-process-tests.cfg.xml";

    ProcessEngine processEngine;

    /** The department the routing mock answers with (the DMN itself is tested on its own). */
    String routedDepartment = "technical-support";
    /** The investigation the routing mock answers with; null: the department's usual one (see {@link #investigationOf}). */
    String routedInvestigation;
    /** The department the routing mock names as consulted (null: none). */
    String consultedDepartment;

    final Map<String, JavaDelegate> delegates = new HashMap<>();
    /** What the markBreached mock answers: the deadline was really missed (false: decided, closed or extended). */
    boolean breachIsReal = true;
    /** The closingOutcome each call of closeComplaint saw. */
    final List<String> closedAs = new ArrayList<>();
    final Triage triage = mock(Triage.class);
    final EvidenceSteps evidence = mock(EvidenceSteps.class);
    final Investigation investigation = mock(Investigation.class);
    final Settlement settlement = mock(Settlement.class);
    final Agreements agreements = mock(Agreements.class);
    final RemedyExecution remedies = mock(RemedyExecution.class);
    final Closure closure = mock(Closure.class);
    final TestDeadlines deadlines = new TestDeadlines();
    final TaskReminders taskReminders = mock(TaskReminders.class);
    final Breaches breaches = mock(Breaches.class);
    final Extensions extensions = mock(Extensions.class);
    final Legal legal = mock(Legal.class);
    final Referrals referrals = mock(Referrals.class);
    final RoutingOfEarlierVersions routingOfEarlierVersions = mock(RoutingOfEarlierVersions.class);

    @BeforeEach
    void registerBeans(ProcessEngine processEngine) {
        this.processEngine = processEngine;
        BpmnAwareTests.init(processEngine);
        delegate("registerComplaint", e -> {
            e.setProcessBusinessKey(NUMBER);
            e.setVariable("complaintNumber", NUMBER);
            e.setVariable("suspectedDuplicateOf", "");
        });
        delegate("routeComplaint", e -> {
            e.setVariable("department", routedDepartment);
            e.setVariable("priority", "HIGH");
            e.setVariable("manufacturerReferral", false);
            e.setVariable("investigationType", routedInvestigation != null ? routedInvestigation : investigationOf(routedDepartment));
            e.setVariable("consultedDepartment", consultedDepartment);
        });
        delegate("requestEvidence", e -> e.setVariable("evidenceRound", round(e, "evidenceRound") + 1));
        delegate("computeFeeAudit", e -> e.setVariable("feeAuditRefund", 120.0));
        delegate("recordSettlementResponse", e -> e.setVariable("negotiationRound", round(e, "negotiationRound") + 1));
        delegate("draftAgreement", e -> e.setVariable("agreementId", NUMBER + "-A1"));
        delegate("payRemedy", e -> e.setVariable("outcome", "RESOLVED_MONETARY"));
        delegate("orderDeviceService", e -> e.setVariable("outcome", "RESOLVED_NON_MONETARY"));
        delegate("issueStatement", e -> e.setVariable("outcome", "EXPLAINED"));
        delegate("issueFinalResponse", e -> e.setVariable("outcome", "REJECTED"));
        delegate("closeComplaint", e -> closedAs.add((String) e.getVariable("closingOutcome")));
        Mocks.register("triage", triage);
        Mocks.register("evidence", evidence);
        Mocks.register("investigation", investigation);
        Mocks.register("settlement", settlement);
        Mocks.register("agreements", agreements);
        Mocks.register("remedies", remedies);
        Mocks.register("complaintPolicy", new ComplaintPolicy());
        Mocks.register("routingOfEarlierVersions", routingOfEarlierVersions);
        delegate("sendEvidenceReminder", e -> { });
        delegate("markBreached", e -> e.setVariableLocal("deadlineBreached", breachIsReal));
        delegate("extendDeadline", e -> { });
        Mocks.register("deadlines", deadlines);
        Mocks.register("taskReminders", taskReminders);
        Mocks.register("breaches", breaches);
        Mocks.register("extensions", extensions);
        // the legal path: the decision's listener sets the appeal deadline the appeal task and its timer use
        doAnswer(invocation -> {
            DelegateTask task = invocation.getArgument(0);
            task.setVariable("appealDeadlineAt", Date.from(Instant.now().plus(15, ChronoUnit.DAYS)));
            return null;
        }).when(legal).decisionRecorded(any());
        Mocks.register("legal", legal);
        delegate("recordCourtSettlement", e -> {
            e.setVariable("proposalId", 7L);
            e.setVariable("legalOutcome", "LEGAL_SETTLED");
        });
        delegate("recordJudgment", e -> {
            Object awarded = e.getVariable("awardedAmount");
            boolean owed = awarded != null && ((Number) awarded).doubleValue() > 0;
            if (owed) {
                e.setVariable("proposalId", 8L);
                e.setVariable("remedy", "COMPENSATION");
                e.setVariable("proposedAmount", awarded);
            }
            e.setVariable("amountOwed", owed);
            e.setVariable("legalOutcome", "LEGAL_JUDGMENT");
        });
        delegate("concludeLegal", e -> e.setVariable("closingSummary", "诉讼结案 legal path concluded"));
        // the regulator's referral: the counters as the real Referrals keeps them
        Mocks.register("referrals", referrals);
        delegate("openReferral", e -> e.getProcessInstance().setVariable("openReferrals", round(e.getProcessInstance(), "openReferrals") + 1));
        delegate("concludeReferral", e -> {
            int open = round(e.getProcessInstance(), "openReferrals") - 1;
            e.getProcessInstance().setVariable("openReferrals", open);
            e.setVariableLocal("closeAfterReferral", open == 0 && Boolean.TRUE.equals(e.getVariable("handedToReferral")));
        });
        delegate("handOverToReferral", e -> e.getProcessInstance().setVariable("handedToReferral", true));
        delegate("recordReferral", e -> e.setVariable("responseDueAt", Date.from(Instant.now().plus(7, ChronoUnit.DAYS))));
        delegate("reportLateResponse", e -> { });
        delegate("applyRegulatorDecision", e -> {
            boolean ordered = "REMEDY_ORDERED".equals(e.getVariable("regulatorDecision"));
            if (ordered) {
                e.setVariable("proposalId", 9L);
            }
            e.setVariable("remedyOrdered", ordered);
        });
        delegate("concludeRegulatorPath", e -> {
            e.setVariable("referralOutcome", Boolean.TRUE.equals(e.getVariable("remedyOrdered")) ? e.getVariable("outcome") : "REFERRED_EXTERNAL");
            e.setVariable("closingSummary", "监管决定 the regulator decided");
        });
    }

    @AfterEach
    void resetBeans() {
        Mocks.reset();
    }

    /** The investigation the routing table gives most of a department's categories. */
    static String investigationOf(String department) {
        return switch (department) {
            case "technical-support" -> "FAULT_DIAGNOSIS";
            case "compliance-legal" -> "FEE_AUDIT";
            case "marketing-brand" -> "BRAND_INVESTIGATION";
            default -> "SERVICE_INVESTIGATION";
        };
    }

    private void delegate(String name, Consumer<DelegateExecution> behaviour) {
        JavaDelegate delegate = mock(JavaDelegate.class);
        try {
            doAnswer(invocation -> {
                behaviour.accept(invocation.getArgument(0));
                return null;
            }).when(delegate).execute(any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        delegates.put(name, delegate);
        Mocks.register(name, delegate);
    }

    /** The definition keys of the tasks whose create listener scheduled their 50 %/80 % reminders, in order. */
    List<String> remindedTaskKeys() {
        org.mockito.ArgumentCaptor<DelegateTask> tasks = org.mockito.ArgumentCaptor.forClass(DelegateTask.class);
        org.mockito.Mockito.verify(taskReminders, org.mockito.Mockito.atLeast(0)).schedule(tasks.capture());
        return tasks.getAllValues().stream().map(DelegateTask::getTaskDefinitionKey).toList();
    }

    JavaDelegate delegate(String name) {
        return delegates.get(name);
    }

    private static int round(org.camunda.bpm.engine.delegate.VariableScope e, String name) {
        Object value = e.getVariable(name);
        return value == null ? 0 : ((Number) value).intValue();
    }

    // ---- the story so far, step by step ----

    ProcessInstance registerHotlineComplaint() {
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("complaint-lifecycle",
                Map.of("channel", "HOTLINE", "category", "TECHNICAL_FAULT", "complainantName", "王小明"));
        assertThat(instance).isWaitingAt("Task_TriageComplaint");
        assertThat(task()).hasCandidateGroup("customer-service");
        return instance;
    }

    void triage(String category, boolean evidenceRequired) {
        complete(task(), Map.of("category", category, "subCategory", "OTHER", "evidenceRequired", evidenceRequired,
                "isDuplicate", false, "viaSalesPromotion", false));
    }

    /** Registered, triaged without evidence, routed, and waiting at the department's first investigation task. */
    ProcessInstance startAtInvestigation(String department, String category) {
        routedDepartment = department;
        ProcessInstance instance = registerHotlineComplaint();
        triage(category, false);
        return instance;
    }

    void propose(String remedy, double amount) {
        assertThat(task()).hasDefinitionKey("Task_ProposeResolution");
        complete(task(), Map.of("remedy", remedy, "proposedAmount", amount, "proposalRationale", "依据 grounds", "rootCause", "OTHER"));
    }

    void answer(String response) {
        assertThat(task()).hasDefinitionKey("Task_NegotiateSettlement").hasCandidateGroup("customer-service");
        complete(task(), Map.of("settlementResponse", response));
    }

    void signAndCarryOut(ProcessInstance instance, String remedyTask) {
        assertThat(instance).hasPassed("Task_DraftAgreement").isWaitingAt("Task_SignAgreement");
        complete(task(), Map.of("agreementSigned", true, "signatureMethod", "PHONE_RECORDING", "signedOn", "2026-11-26"));
        assertThat(instance).isWaitingAt("Task_CarryOutSettlement");
        carryOut(instance, remedyTask);
    }

    /** The settlement-execution instance the caller waits on: runs the remedy's job and confirms it was carried out. */
    void carryOut(ProcessInstance caller, String remedyTask) {
        ProcessInstance execution = calledInstance(caller, "settlement-execution");
        assertThat(execution).isWaitingAt(remedyTask).hasBusinessKey(NUMBER);
        execute(job(remedyTask, execution));
        assertThat(execution).isWaitingAt("Task_ConfirmExecution");
        assertThat(task(execution)).hasCandidateGroup("customer-service");
        complete(task(execution), Map.of("executionConfirmed", true));
        assertThat(execution).isEnded();
    }

    /** The running instance of that process the caller (or a process it called) started. */
    ProcessInstance calledInstance(ProcessInstance caller, String processKey) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId())
                .processDefinitionKey(processKey).singleResult();
    }

    /** A service complaint's investigation done, its explanation rejected, and the final response written. */
    void rejectWithFinalResponse(ProcessInstance instance) {
        complete(task(instance), Map.of("findings", "callback missed"));
        propose("EXPLANATION", 0);
        answer("REJECT");
        complete(task(instance), Map.of("companyPosition", "服务符合约定 the service met the contract"));
        assertThat(instance).hasPassed("Task_IssueFinalResponse");
    }

    /** A rejected complaint after its final response, waiting for legal action or a referral. */
    ProcessInstance rejectedAndWaiting() {
        ProcessInstance instance = startAtInvestigation("customer-service", "SERVICE_QUALITY");
        rejectWithFinalResponse(instance);
        assertThat(instance).isWaitingAt("Gateway_AwaitExternalAction");
        return instance;
    }

    /** The rejected complaint's hand-off: the waiting period passes with no legal action or referral. */
    void letExternalActionWindowPass(ProcessInstance instance) {
        assertThat(instance).isWaitingAt("Gateway_AwaitExternalAction");
        execute(job("Event_ExternalActionWindowClosed", instance));
    }

    void closeWith(ProcessInstance instance, String outcome) {
        assertThat(instance).isWaitingAt("Task_CloseComplaint").variables().containsEntry("outcome", outcome);
        assertThat(task()).hasCandidateGroup("customer-service");
        complete(task(), Map.of("outcome", outcome, "rootCause", "OTHER", "closingSummary", "已解决 resolved"));
        assertThat(instance).hasPassed("Task_RecordClosure").isEnded();
    }
}
