package com.complaintdesk.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ApplyDecision (regulator-referral): the regulator's decision, and an ordered remedy to carry out. */
@Component("applyRegulatorDecision")
class ApplyRegulatorDecisionDelegate implements JavaDelegate {

    private final Referrals referrals;

    ApplyRegulatorDecisionDelegate(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.decisionApplied(execution);
    }
}
