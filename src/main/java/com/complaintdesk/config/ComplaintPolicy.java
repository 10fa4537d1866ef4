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

    public int getMaxEvidenceRounds() { return maxEvidenceRounds; }
    public void setMaxEvidenceRounds(int maxEvidenceRounds) { this.maxEvidenceRounds = maxEvidenceRounds; }
    public int getMaxNegotiationRounds() { return maxNegotiationRounds; }
    public void setMaxNegotiationRounds(int maxNegotiationRounds) { this.maxNegotiationRounds = maxNegotiationRounds; }
}
