package com.complaintdesk.settlement;

import static com.complaintdesk.complaint.LifecycleVariables.OUTCOME;

import com.complaintdesk.complaint.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task OrderDeviceService: orders a repair or replacement once. Runs as a job (asyncBefore) with retries: a failure becomes an incident, never a lost remedy. */
@Component("orderDeviceService")
class OrderDeviceServiceDelegate implements JavaDelegate {

    private final RemedyExecution remedies;

    OrderDeviceServiceDelegate(RemedyExecution remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the complaint is the business key, the settlement our record: never a variable a completion could have set
        execution.setVariable(OUTCOME, remedies.orderDeviceService(ProcessValues.complaintNumber(execution)).name());
    }
}
