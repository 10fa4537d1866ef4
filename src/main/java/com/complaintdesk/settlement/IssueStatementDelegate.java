package com.complaintdesk.settlement;

import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task IssueStatement: sends the written explanation or apology once. Runs as a job (asyncBefore) with retries: a failure becomes an incident, never a lost remedy. */
@Component("issueStatement")
class IssueStatementDelegate implements JavaDelegate {

    private final RemedyExecution remedies;

    IssueStatementDelegate(RemedyExecution remedies) {
        this.remedies = remedies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the complaint is the business key, the settlement our record: never a variable a completion could have set
        Lifecycle.OUTCOME.set(execution, remedies.issueStatement(ProcessValues.complaintNumber(execution)));
    }
}
