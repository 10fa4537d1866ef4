package com.complaintdesk.closure;

import static com.complaintdesk.complaint.LifecycleVariables.*;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.complaint.RootCause;
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
        Outcome outcome = ProcessValues.requiredEnum(execution, CLOSING_OUTCOME, Outcome.class);
        closure.close(ProcessValues.requiredText(execution, COMPLAINT_NUMBER), outcome,
                ProcessValues.enumValue(execution, ROOT_CAUSE, RootCause.class),
                ProcessValues.text(execution, CLOSING_SUMMARY),
                ProcessValues.text(execution, DUPLICATE_OF));
        Lifecycle.OUTCOME.set(execution, outcome);
    }
}
