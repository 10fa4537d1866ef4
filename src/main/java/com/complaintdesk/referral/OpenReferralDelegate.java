package com.complaintdesk.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenReferral (lifecycle): one more referral open on the complaint. */
@Component("openReferral")
class OpenReferralDelegate implements JavaDelegate {

    private final Referrals referrals;

    OpenReferralDelegate(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.opened(execution);
    }
}
