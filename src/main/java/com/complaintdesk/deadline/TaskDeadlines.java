package com.complaintdesk.deadline;

import com.complaintdesk.complaint.Processes;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of complaint-lifecycle its due date and follow-up date when it is created (Tasklist sorts
 * and filters by them): due by the task's row of {@link TaskSchedule} and the periods of complaint-deadlines, never
 * after the complaint's decision deadline while that is ahead; follow-up halfway between creation and due.
 */
@Component
class TaskDeadlines {

    private final DeadlineService deadlines;

    TaskDeadlines(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || !isLifecycleTask(task)) {
            return;
        }
        DeadlineService.TaskDates dates = deadlines.datesOf(task);
        task.setDueDate(Date.from(dates.dueAt()));
        task.setFollowUpDate(Date.from(dates.followUpAt()));
    }

    private static boolean isLifecycleTask(DelegateTask task) {
        String definitionId = task.getProcessDefinitionId();
        // the lifecycle's tasks, and customer service's confirmation in the settlement execution it calls
        return definitionId != null && (definitionId.startsWith(Processes.LIFECYCLE_KEY + ":") || definitionId.startsWith(Processes.SETTLEMENT_EXECUTION_KEY + ":"));
    }
}
