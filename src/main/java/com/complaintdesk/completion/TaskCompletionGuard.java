package com.complaintdesk.completion;

import com.complaintdesk.complaint.InvalidInputException.FieldError;
import com.complaintdesk.identity.AsApplication;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine-side rule for every user task of a process: a completion (Tasklist, engine REST complete and submit-form,
 * the Java API) may set only the variables the task's Camunda Form declares and must carry each required field it shows,
 * valid as the form checks it; setting or removing a task's variables outside a completion is limited to the form's
 * fields too. Variables our own listeners and delegates set inside the engine's commands are not affected. Checked
 * before the engine's command runs, so a refused completion writes nothing.
 */
final class TaskCompletionGuard {

    private final ProcessEngineConfigurationImpl configuration;
    private final FormChecks checks;
    /** Parsed forms by process definition and task: a deployed form never changes. */
    private final Map<String, TaskForm> forms = new ConcurrentHashMap<>();

    TaskCompletionGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        this.checks = new FormChecks(this::feel);
    }

    void completion(String taskId, Map<String, ?> variables) {
        Task task = task(taskId);
        if (task == null) {
            return; // unknown or not visible to the caller: the engine's own command answers
        }
        TaskForm form = form(task);
        List<FieldError> errors = checks.completion(form, variables,
                () -> taskService().getVariables(taskId));
        if (!errors.isEmpty()) {
            throw new CompletionRefusedException(errors);
        }
    }

    void variables(String taskId, Collection<String> names, Map<String, ?> values) {
        if (names.isEmpty()) {
            return;
        }
        Task task = task(taskId);
        if (task == null) {
            return;
        }
        List<FieldError> errors = checks.variables(form(task), names, values);
        if (!errors.isEmpty()) {
            throw new AuthorizationException("Variables of task " + taskId + " can only be the fields of its form: "
                    + errors.stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse(""));
        }
    }

    /**
     * Runs a completion; when it fails because a simultaneous request completed the task first, it fails as the lost
     * race it is (an {@link OptimisticLockingException}: 409 on the engine REST API and in Tasklist), not with whatever
     * one of our listeners met on the way. The losing command can read the task as it was before the winner committed
     * and its execution as the winner left it (at the next task); the engine then walks on from there, and a listener
     * further on (the settlement offer's, say: no proposal yet) fails before the engine's own optimistic lock would.
     * Nothing of the losing command is written either way: its transaction is rolled back.
     */
    <T> T lostRaceAware(String taskId, Supplier<T> completion) {
        try {
            return completion.get();
        } catch (OptimisticLockingException | AuthorizationException | NullValueException e) {
            // the engine's own lost race, a refusal, and no such task (already completed: EngineRestAnswers says so)
            throw e;
        } catch (RuntimeException e) {
            if (taskId != null && completedMeanwhile(taskId)) {
                // what the losing command met is kept beside it, not as its cause: an answer is chosen by the causes
                // (EngineRestAnswers), and a listener's refusal on the way must not turn the lost race into a 400
                OptimisticLockingException lost = new OptimisticLockingException("Task " + taskId
                        + " was completed by a simultaneous request; this completion was not carried out");
                lost.addSuppressed(e);
                throw lost;
            }
            throw e;
        }
    }

    /** Whether the task has ended (the engine's history says so), read with the application's rights. */
    private boolean completedMeanwhile(String taskId) {
        return AsApplication.call(configuration.getIdentityService(), () -> configuration.getHistoryService()
                .createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0);
    }

    private Task task(String taskId) {
        if (taskId == null) {
            return null;
        }
        Task task = taskService().createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        return task == null || task.getProcessDefinitionId() == null ? null : task;
    }

    private TaskForm form(Task task) {
        CamundaFormRef ref = task.getCamundaFormRef();
        if (ref == null) {
            return new TaskForm(null, Map.of()); // no form: a completion sets nothing
        }
        String cacheKey = task.getProcessDefinitionId() + "|" + task.getTaskDefinitionKey();
        boolean fixed = !"latest".equals(ref.getBinding());
        TaskForm cached = fixed ? forms.get(cacheKey) : null;
        if (cached != null) {
            return cached;
        }
        TaskForm form = load(task, ref);
        if (fixed) {
            forms.put(cacheKey, form);
        }
        return form;
    }

    private TaskForm load(Task task, CamundaFormRef ref) {
        try (InputStream json = configuration.getFormService().getDeployedTaskForm(task.getId())) {
            return TaskForm.parse(json);
        } catch (NotFoundException | IOException e) {
            throw new ProcessEngineException("The form " + ref.getKey() + " of task " + task.getTaskDefinitionKey()
                    + " cannot be read, so the task cannot be completed: " + e.getMessage(), e);
        }
    }

    private TaskService taskService() {
        return configuration.getTaskService();
    }

    private FeelEngine feel() {
        return configuration.getDmnEngineConfiguration().getFeelEngine();
    }
}
