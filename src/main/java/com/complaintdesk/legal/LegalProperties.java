package com.complaintdesk.legal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** complaint-desk.legal: the days to decide on an appeal after a judgment or a ruling is served. */
@Component
@ConfigurationProperties("complaint-desk.legal")
public class LegalProperties {

    private int appealDaysJudgment = 15;
    private int appealDaysRuling = 10;

    public int getAppealDaysJudgment() { return appealDaysJudgment; }
    public void setAppealDaysJudgment(int days) { this.appealDaysJudgment = positive("appeal-days-judgment", days); }
    public int getAppealDaysRuling() { return appealDaysRuling; }
    public void setAppealDaysRuling(int days) { this.appealDaysRuling = positive("appeal-days-ruling", days); }

    int appealDays(LegalCase.DecisionKind kind) {
        return kind == LegalCase.DecisionKind.JUDGMENT ? appealDaysJudgment : appealDaysRuling;
    }

    private static int positive(String name, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("complaint-desk.legal." + name + " must be at least 1: " + days);
        }
        return days;
    }
}
