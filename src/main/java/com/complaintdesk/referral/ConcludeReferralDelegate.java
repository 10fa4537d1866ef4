package com.complaintdesk.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ConcludeReferral (lifecycle): the referral is answered; the last one closes a handed-over complaint. */
@Component("concludeReferral")
class ConcludeReferralDelegate implements JavaDelegate {

    private final Referrals referrals;

    ConcludeReferralDelegate(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.concluded(execution);
    }
}
