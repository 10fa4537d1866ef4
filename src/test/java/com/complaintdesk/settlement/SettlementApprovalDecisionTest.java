package com.complaintdesk.settlement;

import com.complaintdesk.support.DecisionTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The settlement-approval decision (processes/settlement-approval.dmn) on the standalone DMN engine.
 *
 * <p>The process calls it with {@code mapDecisionResult="collectEntries"}, so the process sees
 * {@code approverGroups} as exactly what {@link DmnDecisionTableResult#collectEntries(String)} returns here: a list
 * in rule order, empty when no approval is needed, each group at most once, complaint-managers first.
 */
class SettlementApprovalDecisionTest {

    private static final String RESOURCE = "processes/settlement-approval.dmn";
    private static final String NONE = "none";

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() {
        DecisionTables table = DecisionTables.load(RESOURCE, "settlement-approval");
        engine = table.engine();
        decision = table.decision();
    }

    private static List<String> approvers(String remedy, Object proposedAmount) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("remedy", remedy);
        variables.put("proposedAmount", proposedAmount);
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables);
        return result.collectEntries("approverGroup");
    }

    private static String[] groups(String expected) {
        return NONE.equals(expected) ? new String[0] : expected.split("\\+");
    }

    /** One row per rule of the table (the rule that fires is named first), plus the rows where none fires. */
    @ParameterizedTest(name = "{0}: {1} ¥{2} -> {3}")
    @CsvSource({
            "Rule_Replacement,          REPLACEMENT,    0,       complaint-managers",
            "Rule_MonetaryOver500,      REFUND,         800,     complaint-managers",
            "Rule_CompensationOver2000, COMPENSATION,   3000,    complaint-managers+compliance-legal",
            "Rule_Over5000,             FEE_ADJUSTMENT, 12000,   complaint-managers+compliance-legal",
            "no rule (non-monetary),    EXPLANATION,    0,       none",
            "no rule (non-monetary),    APOLOGY,        0,       none",
            "no rule (non-monetary),    REPAIR,         0,       none",
            "no rule (small amount),    REFUND,         120.50,  none",
    })
    void eachRuleRow(String rule, String remedy, double amount, String expected) {
        assertThat(approvers(remedy, amount)).as(rule).containsExactly(groups(expected));
    }

    /** Thresholds are strict: 500, 2000 and 5000 yuan themselves do not escalate, one fen more does. */
    @ParameterizedTest(name = "{0} ¥{1} -> {2}")
    @CsvSource({
            "REFUND,         500,     none",
            "REFUND,         500.01,  complaint-managers",
            "REFUND,         2000,    complaint-managers",
            "REFUND,         2000.01, complaint-managers",
            "REFUND,         5000,    complaint-managers",
            "REFUND,         5000.01, complaint-managers+compliance-legal",
            "FEE_ADJUSTMENT, 500,     none",
            "FEE_ADJUSTMENT, 500.01,  complaint-managers",
            "FEE_ADJUSTMENT, 2000.01, complaint-managers",
            "FEE_ADJUSTMENT, 5000,    complaint-managers",
            "FEE_ADJUSTMENT, 5000.01, complaint-managers+compliance-legal",
            "COMPENSATION,   500,     none",
            "COMPENSATION,   500.01,  complaint-managers",
            "COMPENSATION,   2000,    complaint-managers",
            "COMPENSATION,   2000.01, complaint-managers+compliance-legal",
            "COMPENSATION,   5000,    complaint-managers+compliance-legal",
            "COMPENSATION,   5000.01, complaint-managers+compliance-legal",
            "REPLACEMENT,    500,     complaint-managers",
            "REPLACEMENT,    2000.01, complaint-managers",
            "REPLACEMENT,    5000,    complaint-managers",
            "REPLACEMENT,    5000.01, complaint-managers+compliance-legal",
            "REFUND,         0,       none",
    })
    void boundaries(String remedy, double amount, String expected) {
        assertThat(approvers(remedy, amount)).containsExactly(groups(expected));
    }

    /** Non-monetary remedies never need approval, even if an amount was typed in by mistake. */
    @ParameterizedTest(name = "{0} ¥{1} -> none")
    @CsvSource({"EXPLANATION, 8000", "APOLOGY, 600", "REPAIR, 2500", "REPAIR, 5000.01"})
    void nonMonetaryRemediesNeverNeedApproval(String remedy, double amount) {
        assertThat(approvers(remedy, amount)).isEmpty();
    }

    @Test
    void eachGroupAtMostOnceAndManagersFirst() {
        String[] remedies = {"REFUND", "FEE_ADJUSTMENT", "REPAIR", "REPLACEMENT", "COMPENSATION", "EXPLANATION",
                "APOLOGY", "VOUCHER"};
        double[] amounts = {0, 499.99, 500, 500.01, 1999.99, 2000, 2000.01, 4999.99, 5000, 5000.01, 100000};
        for (String remedy : remedies) {
            for (double amount : amounts) {
                List<String> groups = approvers(remedy, amount);
                assertThat(groups).as(remedy + " " + amount).doesNotHaveDuplicates();
                if (groups.contains("compliance-legal")) {
                    assertThat(groups).as(remedy + " " + amount)
                            .containsExactly("complaint-managers", "compliance-legal");
                }
            }
        }
    }

    /** A remedy value outside the enumeration with money attached is approved, not waved through. */
    @Test
    void unknownMonetaryRemedyIsTreatedLikeARefund() {
        assertThat(approvers("VOUCHER", 500)).isEmpty();
        assertThat(approvers("VOUCHER", 800)).containsExactly("complaint-managers");
        assertThat(approvers("VOUCHER", 6000)).containsExactly("complaint-managers", "compliance-legal");
        assertThat(approvers(null, 6000)).containsExactly("complaint-managers", "compliance-legal");
    }

    /** Form number fields may arrive as Long or Integer; typeRef double converts them. */
    @Test
    void wholeNumberAmountsOfOtherTypesWork() {
        assertThat(approvers("COMPENSATION", 2001L)).containsExactly("complaint-managers", "compliance-legal");
        assertThat(approvers("REFUND", 501)).containsExactly("complaint-managers");
        assertThat(approvers("REFUND", 500L)).isEmpty();
    }

    /** Without an amount only the amount-independent rule can fire: the proposal form must require an amount. */
    @Test
    void missingAmount() {
        assertThat(approvers("REPLACEMENT", null)).containsExactly("complaint-managers");
        assertThat(approvers("REFUND", null)).isEmpty();
        assertThat(approvers("EXPLANATION", null)).isEmpty();
    }

    @Test
    void modelFollowsTheConventions() {
        DmnModelInstance model = DecisionTables.model(RESOURCE);
        Decision d = model.getModelElementById("settlement-approval");
        assertThat(d.getName()).isEqualTo("和解审批层级 Settlement approval tiers");
        assertThat(d.getCamundaHistoryTimeToLiveString()).isEqualTo("1096");

        DecisionTable table = (DecisionTable) d.getExpression();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
        assertThat(table.getAggregation()).isNull();
        assertThat(table.getInputs()).extracting(Input::getId)
                .containsExactly("InputClause_Remedy", "InputClause_ProposedAmount");
        assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getTypeRef())
                .containsExactly("string", "double");
        assertThat(table.getOutputs()).singleElement().satisfies(o -> {
            assertThat(o.getId()).isEqualTo("OutputClause_ApproverGroup");
            assertThat(o.getName()).isEqualTo("approverGroup");
        });
        assertThat(table.getRules()).extracting(Rule::getId).containsExactly("Rule_Replacement",
                "Rule_MonetaryOver500", "Rule_CompensationOver2000", "Rule_Over5000");
        assertThat(table.getRules()).allSatisfy(rule -> {
            assertThat(rule.getDescription()).isNotNull();
            assertThat(rule.getDescription().getTextContent()).isNotBlank();
        });
    }
}
