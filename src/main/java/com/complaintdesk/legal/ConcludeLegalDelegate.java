package com.complaintdesk.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ConcludeLegal: the case's outcome and summary for the complaint's closure. */
@Component("concludeLegal")
class ConcludeLegalDelegate implements JavaDelegate {

    private final Legal legal;

    ConcludeLegalDelegate(Legal legal) {
        this.legal = legal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        legal.conclude(execution);
    }
}
