package com.complaintdesk.settlement;

import static com.complaintdesk.complaint.LifecycleVariables.COMPLAINT_NUMBER;
import static com.complaintdesk.complaint.LifecycleVariables.OUTCOME;
import static com.complaintdesk.complaint.LifecycleVariables.PROPOSAL_ID;

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
        long proposalId = ((Number) execution.getVariable(PROPOSAL_ID)).longValue();
        execution.setVariable(OUTCOME, remedies.issueStatement(ProcessValues.requiredText(execution, COMPLAINT_NUMBER), proposalId).name());
    }
}
