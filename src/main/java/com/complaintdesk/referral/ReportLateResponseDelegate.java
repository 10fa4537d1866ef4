package com.complaintdesk.referral;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ReportLateResponse (regulator-referral): the response is due and not submitted; the managers are alerted. */
@Component("reportLateResponse")
class ReportLateResponseDelegate implements JavaDelegate {

    private final Referrals referrals;

    ReportLateResponseDelegate(Referrals referrals) {
        this.referrals = referrals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        referrals.lateResponse(execution);
    }
}
