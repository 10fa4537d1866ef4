package com.complaintdesk.deadline;

import com.complaintdesk.complaint.Lifecycle;
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
        Lifecycle.DEADLINE_BREACHED.setLocal(execution, breaches.markBreached(Lifecycle.COMPLAINT_NUMBER.required(execution)));
    }
}
