package com.complaintdesk.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_HandOverToReferral (lifecycle): the rejected complaint waits for its open referral. */
@Component("handOverToReferral")
class HandOverToReferralDelegate implements JavaDelegate {

    private final Referrals referrals;

    HandOverToReferralDelegate(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.handedOver(execution);
    }
}
