package com.complaintdesk.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordReferral (regulator-referral): the referral's record and response due date. */
@Component("recordReferral")
class RecordReferralDelegate implements JavaDelegate {

    private final Referrals referrals;

    RecordReferralDelegate(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.record(execution);
    }
}
