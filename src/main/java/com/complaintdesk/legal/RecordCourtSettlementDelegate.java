package com.complaintdesk.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordCourtSettlement: the mediation statement becomes the settlement to carry out. */
@Component("recordCourtSettlement")
class RecordCourtSettlementDelegate implements JavaDelegate {

    private final Legal legal;

    RecordCourtSettlementDelegate(Legal legal) {
        this.legal = legal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        legal.courtSettlement(execution);
    }
}
