package com.complaintdesk.triage;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRepository;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of a routed complaint (lifecycle and settlement execution) the engine priority of the
 * complaint's routing priority as recorded (HIGH 75,
 * NORMAL 50, LOW 25; the routing table decides it), so Tasklist's filters list urgent work first. Tasks before routing
 * (triage) keep the engine's default, 50.
 */
@Component
class TaskPriorities {

    private final ComplaintRepository complaints;

    TaskPriorities(ComplaintRepository complaints) {
        this.complaints = complaints;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onTaskCreated(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || !isComplaintTask(task)) {
            return;
        }
        Object number = task.getVariable(Lifecycle.COMPLAINT_NUMBER.name());
        if (number == null) {
            return;
        }
        // our record, not the process variable: any task completion may set a variable
        complaints.findByComplaintNumber(number.toString()).map(Complaint::getPriority)
                .ifPresent(priority -> task.setPriority(priority.taskPriority()));
    }

    private static boolean isComplaintTask(DelegateTask task) {
        String definitionId = task.getProcessDefinitionId();
        return definitionId != null && (definitionId.startsWith(Processes.LIFECYCLE_KEY + ":") || definitionId.startsWith(Processes.SETTLEMENT_EXECUTION_KEY + ":"));
    }
}
