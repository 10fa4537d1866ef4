package com.complaintdesk.completion;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/** The engine's TaskService with the completion guard in front of every method that writes a task's variables. */
class GuardedTaskService extends TaskServiceImpl {

    private final TaskCompletionGuard guard;

    GuardedTaskService(TaskCompletionGuard guard) {
        this.guard = guard;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        guard.completion(taskId, variables);
        guard.lostRaceAware(taskId, () -> {
            super.complete(taskId, variables);
            return null;
        });
    }

    @Override
    public VariableMap completeWithVariablesInReturn(String taskId, Map<String, Object> variables, boolean deserializeValues) {
        guard.completion(taskId, variables);
        return guard.lostRaceAware(taskId, () -> super.completeWithVariablesInReturn(taskId, variables, deserializeValues));
    }

    @Override
    public void resolveTask(String taskId, Map<String, Object> variables) {
        guard.variables(taskId, FormChecks.names(variables), variables);
        super.resolveTask(taskId, variables);
    }

    @Override
    public void setVariable(String taskId, String variableName, Object value) {
        guard.variables(taskId, Set.of(variableName), single(variableName, value));
        super.setVariable(taskId, variableName, value);
    }

    @Override
    public void setVariableLocal(String taskId, String variableName, Object value) {
        guard.variables(taskId, Set.of(variableName), single(variableName, value));
        super.setVariableLocal(taskId, variableName, value);
    }

    @Override
    protected void setVariables(String taskId, Map<String, ?> variables, boolean local) {
        guard.variables(taskId, FormChecks.names(variables), variables);
        super.setVariables(taskId, variables, local);
    }

    @Override
    protected void updateVariables(String taskId, Map<String, ?> modifications, Collection<String> deletions, boolean local) {
        Set<String> names = new HashSet<>(FormChecks.names(modifications));
        if (deletions != null) {
            names.addAll(deletions);
        }
        guard.variables(taskId, names, modifications);
        super.updateVariables(taskId, modifications, deletions, local);
    }

    @Override
    public void removeVariable(String taskId, String variableName) {
        guard.variables(taskId, Set.of(variableName), Map.of());
        super.removeVariable(taskId, variableName);
    }

    @Override
    public void removeVariableLocal(String taskId, String variableName) {
        guard.variables(taskId, Set.of(variableName), Map.of());
        super.removeVariableLocal(taskId, variableName);
    }

    @Override
    public void removeVariables(String taskId, Collection<String> variableNames) {
        guard.variables(taskId, List.copyOf(variableNames), Map.of());
        super.removeVariables(taskId, variableNames);
    }

    @Override
    public void removeVariablesLocal(String taskId, Collection<String> variableNames) {
        guard.variables(taskId, List.copyOf(variableNames), Map.of());
        super.removeVariablesLocal(taskId, variableNames);
    }

    @Override
    public void handleBpmnError(String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
        guard.variables(taskId, FormChecks.names(variables), variables);
        super.handleBpmnError(taskId, errorCode, errorMessage, variables);
    }

    @Override
    public void handleEscalation(String taskId, String escalationCode, Map<String, Object> variables) {
        guard.variables(taskId, FormChecks.names(variables), variables);
        super.handleEscalation(taskId, escalationCode, variables);
    }

    private static Map<String, Object> single(String name, Object value) {
        java.util.HashMap<String, Object> map = new java.util.HashMap<>();
        map.put(name, value);
        return map;
    }
}
