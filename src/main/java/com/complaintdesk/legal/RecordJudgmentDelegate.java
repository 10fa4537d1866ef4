package com.complaintdesk.legal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordJudgment: the final decision, and the sum we owe under it. */
@Component("recordJudgment")
class RecordJudgmentDelegate implements JavaDelegate {

    private final Legal legal;

    RecordJudgmentDelegate(Legal legal) {
        this.legal = legal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        legal.judgment(execution);
    }
}
