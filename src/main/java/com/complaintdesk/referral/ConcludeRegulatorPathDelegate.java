package com.complaintdesk.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ConcludeRegulatorPath (regulator-referral): the referral's outcome and summary. */
@Component("concludeRegulatorPath")
class ConcludeRegulatorPathDelegate implements JavaDelegate {

    private final Referrals referrals;

    ConcludeRegulatorPathDelegate(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.pathConcluded(execution);
    }
}
