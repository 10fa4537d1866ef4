package com.complaintdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/** A department member's work in Tasklist, done by a Spring test: claim a complaint's task and complete it as that user. */
public final class StaffSteps {

    private final TaskService taskService;
    private final IdentityService identityService;

    public StaffSteps(TaskService taskService, IdentityService identityService) {
        this.taskService = taskService;
        this.identityService = identityService;
    }

    /** Completes the complaint's waiting task {@code taskKey} as {@code user} of {@code group}; fails if no such task waits. */
    public void complete(String number, String user, String group, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("task %s of %s", taskKey, number).isNotNull();
        complete(task, user, group, variables);
    }

    /** Claims and completes the task as {@code user} of {@code group}. */
    public void complete(Task task, String user, String group, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(group));
        try {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The task {@code taskKey} that the complaint's process {@code processKey} waits at; fails if it waits elsewhere. */
    public Task waitingTask(String number, String processKey, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).processDefinitionKey(processKey)
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("%s of %s waiting at %s", processKey, number, taskKey).isNotNull();
        return task;
    }

    /** The groups that may claim the task. */
    public List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }
}
