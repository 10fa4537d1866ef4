package com.complaintdesk.completion;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/** The engine's FormService with the completion guard in front of every task form submission. */
class GuardedFormService extends FormServiceImpl {

    private final TaskCompletionGuard guard;

    GuardedFormService(TaskCompletionGuard guard) {
        this.guard = guard;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        guard.completion(taskId, properties);
        guard.lostRaceAware(taskId, () -> {
            super.submitTaskForm(taskId, properties);
            return null;
        });
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties, boolean deserializeValues) {
        guard.completion(taskId, properties);
        return guard.lostRaceAware(taskId, () -> super.submitTaskFormWithVariablesInReturn(taskId, properties, deserializeValues));
    }

    @Override
    @SuppressWarnings("deprecation")
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
        guard.completion(taskId, properties == null ? null : new HashMap<String, Object>(properties));
        guard.lostRaceAware(taskId, () -> {
            super.submitTaskFormData(taskId, properties);
            return null;
        });
    }
}
