package com.complaintdesk.deadline;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ExtendDeadline: the approved extension moves the decision deadline, its breach timer, and tells the complainant. */
@Component("extendDeadline")
class ExtendDeadlineDelegate implements JavaDelegate {

    private final Extensions extensions;

    ExtendDeadlineDelegate(Extensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        extensions.extend(Lifecycle.COMPLAINT_NUMBER.required(execution), execution.getProcessInstanceId(),
                Lifecycle.EXTENSION_DAYS.get(execution), Lifecycle.EXTENSION_REASON.required(execution));
    }
}
