package com.complaintdesk.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.RegisteredComplaints;
import com.complaintdesk.support.StaffSteps;
import com.complaintdesk.support.TestIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A completion that loses the race to a simultaneous one fails as a lost race (409), whatever our listeners met on the
 * way. The interleaving that gave a 500 in CI (2026-12-03): two completions of a fee audit; the loser read the task
 * before the winner committed and its execution after, so the engine walked on from the winner's next task to the
 * settlement offer, whose listener found no proposal. Interleavings cannot be forced through HTTP, so the losing
 * command is played here by a completion that fails after the task has ended; StaffAccessTest sends the real pair.
 */
@ComplaintDeskSpringTest
class LostCompletionRaceTest {

    @Autowired ProcessEngine processEngine;
    @Autowired IntakeService intake;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;

    private final RegisteredComplaints registered = new RegisteredComplaints();

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void aCompletionThatFailsAfterAnotherCompletedTheTaskIsALostRaceAndItsOwnErrorIsKeptBesideIt() {
        Task triage = triageTask();
        completeTriage(triage);
        ProcessEngineException listenerFailed = new ProcessEngineException("Complaint CP-X has no proposal yet");

        assertThatThrownBy(() -> guard().lostRaceAware(triage.getId(), () -> {
            throw listenerFailed;
        }))
                .isInstanceOf(OptimisticLockingException.class)
                .hasMessageContaining(triage.getId()).hasMessageContaining("simultaneous request")
                .hasNoCause()
                .satisfies(lost -> assertThat(lost.getSuppressed()).containsExactly(listenerFailed));
    }

    @Test
    void aListenersRefusalOnTheWayDoesNotTurnTheLostRaceIntoABadRequest() {
        Task triage = triageTask();
        completeTriage(triage);

        assertThatThrownBy(() -> guard().lostRaceAware(triage.getId(), () -> {
            throw new ProcessEngineException("listener", InvalidInputException.of("settlementResponse", "is required"));
        }))
                .isInstanceOf(OptimisticLockingException.class)
                .hasNoCause();
    }

    @Test
    void aCompletionThatFailsWhileTheTaskIsStillOpenFailsWithItsOwnError() {
        Task triage = triageTask();
        ProcessEngineException ownError = new ProcessEngineException("a real failure of this completion");

        assertThatThrownBy(() -> guard().lostRaceAware(triage.getId(), () -> {
            throw ownError;
        })).isSameAs(ownError);
        assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).as("still open").isOne();
    }

    @Test
    void aRefusalTheEnginesOwnLostRaceAndNoSuchTaskPassUnchangedAndASuccessAnswersAsItIs() {
        Task triage = triageTask();
        completeTriage(triage);
        AuthorizationException refused = new AuthorizationException("refused");
        OptimisticLockingException enginesOwn = new OptimisticLockingException("the engine's own");
        NullValueException noSuchTask = new NullValueException("Cannot find task with id " + triage.getId());
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> guard().lostRaceAware(triage.getId(), () -> {
            throw refused;
        })).isSameAs(refused);
        assertThatThrownBy(() -> guard().lostRaceAware(triage.getId(), () -> {
            throw enginesOwn;
        })).isSameAs(enginesOwn);
        assertThatThrownBy(() -> guard().lostRaceAware(triage.getId(), () -> {
            throw noSuchTask;
        })).as("completing a completed task: EngineRestAnswers answers TaskAlreadyCompleted").isSameAs(noSuchTask);
        assertThat(guard().lostRaceAware(triage.getId(), runs::incrementAndGet)).isEqualTo(1);
        assertThat(runs).hasValue(1);
    }

    private TaskCompletionGuard guard() {
        return new TaskCompletionGuard((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration());
    }

    private Task triageTask() {
        String merchant = "M-" + TestIds.digits();
        IntakeService.Registered complaint = intake.register(new ComplaintRegistration(Channel.HOTLINE, "李四", "13800138000",
                null, merchant, "SN-" + merchant, Category.FEE_DISPUTE, false,
                "手续费未经通知上调 Fee rate raised without notice", new BigDecimal("0.60"),
                List.of(new ComplaintRegistration.TransactionLine("TX-" + merchant, Instant.parse("2026-11-20T06:30:00Z"),
                        new BigDecimal("1000.00"), new BigDecimal("7.80")))));
        registered.add(complaint.complaint().getComplaintNumber());
        return taskService.createTaskQuery().processInstanceId(complaint.complaint().getProcessInstanceId())
                .taskDefinitionKey("Task_TriageComplaint").singleResult();
    }

    private void completeTriage(Task triage) {
        new StaffSteps(taskService, identityService).complete(triage, "wang.fang", "customer-service", Variables.createVariables()
                .putValue(Lifecycle.CATEGORY.name(), Category.FEE_DISPUTE.name())
                .putValue(Lifecycle.SUB_CATEGORY.name(), "RATE_RAISED_WITHOUT_NOTICE")
                .putValue(Lifecycle.EVIDENCE_REQUIRED.name(), false)
                .putValue(Lifecycle.IS_DUPLICATE.name(), false));
        assertThat(taskService.createTaskQuery().taskId(triage.getId()).count()).as("the winner completed it").isZero();
    }
}
