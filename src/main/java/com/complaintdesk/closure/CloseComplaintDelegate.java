package com.complaintdesk.closure;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.complaint.RootCause;
import com.complaintdesk.settlement.SettlementVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CloseAsDuplicate, Task_CloseAsWithdrawn and Task_RecordClosure: the outcome comes from the task's input
 * parameter closingOutcome (DUPLICATE, WITHDRAWN, or the closing form's ${outcome}).
 */
@Component("closeComplaint")
class CloseComplaintDelegate implements JavaDelegate {

    private final Closure closure;

    CloseComplaintDelegate(Closure closure) {
        this.closure = closure;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Outcome outcome = Lifecycle.CLOSING_OUTCOME.required(execution);
        closure.close(Lifecycle.COMPLAINT_NUMBER.required(execution), outcome,
                SettlementVariables.ROOT_CAUSE.get(execution),
                Lifecycle.CLOSING_SUMMARY.get(execution),
                Lifecycle.DUPLICATE_OF.get(execution));
        Lifecycle.OUTCOME.set(execution, outcome);
    }
}
