package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timers fired by moving the engine's clock and running the due jobs: reminders, evidence expiry, breach, extension. */
abstract class DeadlineTimersTest extends LifecycleProcessTest {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Moves the engine's clock forward and runs every job that is due by then. */
    private int passTime(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
        int executed = 0;
        for (Job job : processEngine.getManagementService().createJobQuery().executable().list()) {
            processEngine.getManagementService().executeJob(job.getId());
            executed++;
        }
        return executed;
    }

    @Test
    void theComplainantIsRemindedAfterThreeDaysAndTheComplaintWithdrawnAfterTen() throws Exception {
        ProcessInstance instance = registerHotlineComplaint();
        triage("TECHNICAL_FAULT", true);
        assertThat(instance).isWaitingAt("Task_AwaitEvidence");

        passTime(Duration.ofDays(3).plusMinutes(1));
        assertThat(instance).hasPassed("Event_EvidenceReminderDue", "Task_SendEvidenceReminder").isWaitingAt("Task_AwaitEvidence");
        verify(delegate("sendEvidenceReminder")).execute(any());

        passTime(Duration.ofDays(7));
        assertThat(instance).hasPassed("Event_EvidenceExpired", "Task_CloseAsWithdrawn").isEnded();
        assertThat(closedAs).containsExactly("WITHDRAWN");
        assertThat(instance).hasNotPassed("Task_ReviewEvidence");
    }

    @Test
    void evidenceReceivedInTimeCancelsTheReminderAndTheExpiry() throws Exception {
        ProcessInstance instance = registerHotlineComplaint();
        triage("TECHNICAL_FAULT", true);
        complete(task(), Map.of("evidenceType", "FAULT_PHOTO", "evidenceReceivedDescription", "photo", "complainantWithdrew", false));
        assertThat(instance).isWaitingAt("Task_ReviewEvidence");
        assertThat(processEngine.getManagementService().createJobQuery().activityId("Event_EvidenceExpired").count()).isZero();
        passTime(Duration.ofDays(11));
        verify(delegate("sendEvidenceReminder"), never()).execute(any());
        assertThat(instance).isNotEnded();
    }

    @Test
    void everyTaskSchedulesItsRemindersWhenItIsCreatedAndNoEngineTimerRemindsOfIt() {
        ProcessInstance instance = registerHotlineComplaint();
        org.mockito.ArgumentCaptor<org.camunda.bpm.engine.delegate.DelegateTask> created =
                org.mockito.ArgumentCaptor.forClass(org.camunda.bpm.engine.delegate.DelegateTask.class);
        verify(taskReminders, times(1)).schedule(created.capture());
        assertThat(created.getValue().getTaskDefinitionKey()).isEqualTo("Task_TriageComplaint");

        // past 80 % of a 2-day task: the reminders are TaskReminders' own rows, sent by its scheduler, not engine timers
        passTime(Duration.ofHours(39));
        verify(taskReminders, never()).remind(any());
        assertThat(instance).isWaitingAt("Task_TriageComplaint");
    }

    @Test
    void aBreachedDecisionDeadlineEscalatesToManagersWhileTheDepartmentWorksOn() throws Exception {
        ProcessInstance instance = startAtInvestigation("technical-support", "TECHNICAL_FAULT");
        passTime(Duration.ofDays(15).plusMinutes(1));

        assertThat(instance).hasPassed("StartEvent_DecisionDeadlineReached", "Task_MarkBreached");
        verify(delegate("markBreached")).execute(any());
        Task breach = taskQuery().taskDefinitionKey("Task_HandleBreach").singleResult();
        assertThat(breach).hasCandidateGroup("complaint-managers");
        assertThat(taskQuery().taskDefinitionKey("Task_DiagnoseFault").count()).isEqualTo(1); // non-interrupting

        complete(breach, Map.of("breachAction", "chased technical support"));
        verify(breaches).handled(any());
        assertThat(instance).hasPassed("EndEvent_BreachHandled").isWaitingAt("Task_DiagnoseFault");
    }

    @Test
    void aDeadlineReachedAfterTheFinalResponseAsksNothingOfTheManagers() throws Exception {
        ProcessInstance instance = rejectedAndWaiting();

        breachIsReal = false; // Breaches: a final response is the decision
        passTime(Duration.ofDays(15).plusMinutes(1));

        assertThat(instance).hasPassed("Task_MarkBreached", "EndEvent_NotBreached").hasNotPassed("Task_HandleBreach")
                .isWaitingAt("Gateway_AwaitExternalAction");
        assertThat(taskQuery().taskDefinitionKey("Task_HandleBreach").count()).isZero();
    }

    @Test
    void anApprovedExtensionMovesTheDeadline() throws Exception {
        ProcessInstance instance = startAtInvestigation("compliance-legal", "FEE_DISPUTE");
        processEngine.getRuntimeService().createMessageCorrelation("ExtensionRequested").processInstanceBusinessKey(NUMBER)
                .setVariable("extensionDays", 20).setVariable("extensionReason", "waiting for the bank's records").correlate();

        Task decide = taskQuery().taskDefinitionKey("Task_DecideExtension").singleResult();
        assertThat(decide).hasCandidateGroup("complaint-managers");
        assertThat(taskQuery().taskDefinitionKey("Task_AuditFees").count()).isEqualTo(1);
        complete(decide, Map.of("extensionApproved", true));

        assertThat(instance).hasPassed("Task_ExtendDeadline", "EndEvent_DeadlineExtended");
        verify(delegate("extendDeadline")).execute(any());
        verify(extensions).decided(any());
    }

    @Test
    void aRefusedExtensionLeavesTheDeadline() throws Exception {
        ProcessInstance instance = startAtInvestigation("compliance-legal", "FEE_DISPUTE");
        processEngine.getRuntimeService().createMessageCorrelation("ExtensionRequested").processInstanceBusinessKey(NUMBER)
                .setVariable("extensionDays", 20).setVariable("extensionReason", "more time").correlate();
        complete(taskQuery().taskDefinitionKey("Task_DecideExtension").singleResult(),
                Map.of("extensionApproved", false, "extensionDecisionNote", "the records are already here"));

        assertThat(instance).hasPassed("EndEvent_ExtensionRefused").hasNotPassed("Task_ExtendDeadline");
        verify(delegate("extendDeadline"), never()).execute(any());
        assertThat(instance).isWaitingAt("Task_AuditFees");
    }
}
