package com.complaintdesk.settlement;

import static com.complaintdesk.complaint.LifecycleVariables.AGREEMENT_ID;
import static com.complaintdesk.complaint.LifecycleVariables.COMPLAINT_NUMBER;
import static com.complaintdesk.complaint.LifecycleVariables.PROPOSAL_ID;

import com.complaintdesk.complaint.ProcessValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_DraftAgreement: renders the settlement agreement for the accepted proposal. */
@Component("draftAgreement")
class DraftAgreementDelegate implements JavaDelegate {

    private final Agreements agreements;

    DraftAgreementDelegate(Agreements agreements) {
        this.agreements = agreements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long proposalId = ((Number) execution.getVariable(PROPOSAL_ID)).longValue();
        SettlementAgreement agreement = agreements.draft(ProcessValues.requiredText(execution, COMPLAINT_NUMBER), proposalId);
        execution.setVariable(AGREEMENT_ID, agreement.getAgreementNumber());
    }
}
