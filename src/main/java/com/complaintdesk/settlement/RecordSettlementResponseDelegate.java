package com.complaintdesk.settlement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordSettlementResponse: records the complainant's answer, however it arrived, and counts the rounds. */
@Component("recordSettlementResponse")
class RecordSettlementResponseDelegate implements JavaDelegate {

    private final Settlement settlement;

    RecordSettlementResponseDelegate(Settlement settlement) {
        this.settlement = settlement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SettlementVariables.NEGOTIATION_ROUND.set(execution, settlement.recordResponse(execution));
    }
}
