package com.complaintdesk.deadline;

import static com.complaintdesk.complaint.LifecycleVariables.COMPLAINT_NUMBER;
import static com.complaintdesk.complaint.LifecycleVariables.DEADLINE_BREACHED;

import com.complaintdesk.complaint.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_MarkBreached: the decision deadline passed without a decision. Marks the complaint breached and alerts the
 * complaint managers; the managers' escalation task follows.
 */
@Component("markBreached")
class MarkBreachedDelegate implements JavaDelegate {

    private final Breaches breaches;

    MarkBreachedDelegate(Breaches breaches) {
        this.breaches = breaches;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariableLocal(DEADLINE_BREACHED, breaches.markBreached(ProcessValues.requiredText(execution, COMPLAINT_NUMBER)));
    }
}
