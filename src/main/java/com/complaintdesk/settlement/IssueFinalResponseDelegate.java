package com.complaintdesk.settlement;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_IssueFinalResponse: the company's position and the complainant's routes onward (12363, 12315, court). */
@Component("issueFinalResponse")
class IssueFinalResponseDelegate implements JavaDelegate {

    private final RemedyExecution remedies;

    IssueFinalResponseDelegate(RemedyExecution remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = ProcessValues.complaintNumber(execution);
        Lifecycle.OUTCOME.set(execution, remedies.issueFinalResponse(number, Lifecycle.COMPANY_POSITION.required(execution)));
    }
}
