package com.complaintdesk.browser;

import com.complaintdesk.identity.Departments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * The desk's own Camunda Forms (the deployed forms/*.form, latest version), each on a user task of a small process
 * deployed for a browser test and removed after it, so that a test reaches any form in the real Tasklist without
 * walking a complaint to it: the form, not the way to its task, is what such a test checks. The tasks are assigned to
 * the given user, and the instance carries the process variables the forms' conditions read.
 */
final class FormHarness implements AutoCloseable {

    static final String PROCESS_KEY = "complaint-desk-form-harness";

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final String deploymentId;
    private final Map<String, String> taskIdByForm = new LinkedHashMap<>();

    FormHarness(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService, List<String> formIds,
                String assignee, Map<String, Object> variables) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        AbstractFlowNodeBuilder<?, ?> builder = Bpmn.createExecutableProcess(PROCESS_KEY).name("表单检查 Form check")
                .camundaHistoryTimeToLive(1)
                .startEvent().parallelGateway("fork");
        for (String form : formIds) {
            builder = builder.moveToNode("fork").userTask("Task_" + form.replace('-', '_')).name(form)
                    .camundaCandidateGroups(Departments.CUSTOMER_SERVICE)
                    .camundaAssignee(assignee)
                    .camundaFormRef(form).camundaFormRefBinding("latest")
                    .endEvent();
        }
        BpmnModelInstance model = builder.done();
        this.deploymentId = repositoryService.createDeployment().name(PROCESS_KEY)
                .addModelInstance(PROCESS_KEY + ".bpmn", model).deploy().getId();
        String instanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables).getId();
        for (Task task : taskService.createTaskQuery().processInstanceId(instanceId).list()) {
            taskIdByForm.put(task.getName(), task.getId());
        }
    }

    /** The task showing this form. */
    String taskOf(String formId) {
        String id = taskIdByForm.get(formId);
        if (id == null) {
            throw new IllegalArgumentException("No harness task for form " + formId + " (have " + taskIdByForm.keySet() + ")");
        }
        return id;
    }

    @Override
    public void close() {
        repositoryService.deleteDeployment(deploymentId, true, true);
    }
}
