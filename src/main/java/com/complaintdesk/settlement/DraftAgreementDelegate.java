package com.complaintdesk.settlement;

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
        SettlementAgreement agreement = agreements.draft(ProcessValues.complaintNumber(execution));
        SettlementVariables.AGREEMENT_ID.set(execution, agreement.getAgreementNumber());
    }
}
