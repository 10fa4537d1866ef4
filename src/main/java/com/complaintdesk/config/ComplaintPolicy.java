package com.complaintdesk.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The bounds the lifecycle's gateways read (${complaintPolicy.maxEvidenceRounds}), set in application.yaml under
 * complaint-desk, so an operator changes them without touching the model.
 */
@Component("complaintPolicy")
@ConfigurationProperties("complaint-desk.policy")
public class ComplaintPolicy {

    private int maxEvidenceRounds = 3;
    private int maxNegotiationRounds = 3;
    /** How long a rejected complaint waits, after the final response, for legal action or a regulator referral. */
    private int externalActionWindowDays = 30;

    public int getMaxEvidenceRounds() { return maxEvidenceRounds; }
    public void setMaxEvidenceRounds(int maxEvidenceRounds) { this.maxEvidenceRounds = maxEvidenceRounds; }
    public int getMaxNegotiationRounds() { return maxNegotiationRounds; }
    public void setMaxNegotiationRounds(int maxNegotiationRounds) { this.maxNegotiationRounds = maxNegotiationRounds; }
    public int getExternalActionWindowDays() { return externalActionWindowDays; }
    public void setExternalActionWindowDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("complaint-desk.policy.external-action-window-days must be at least 1: " + days);
        }
        this.externalActionWindowDays = days;
    }
    /** The wait as an ISO-8601 duration for the hand-off timer (${complaintPolicy.externalActionWindow}). */
    public String getExternalActionWindow() { return "P" + externalActionWindowDays + "D"; }
}
