package com.complaintdesk.deadline;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Priority;
import com.complaintdesk.support.DecisionTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The complaint-deadlines decision (processes/complaint-deadlines.dmn) on the standalone DMN engine: one period per
 * row, its length and whether it counts calendar or working days.
 */
class ComplaintDeadlinesDecisionTest {

    private static final String RESOURCE = "processes/complaint-deadlines.dmn";
    private static final List<String> CHANNELS = names(Channel.values());
    private static final List<String> PRIORITIES = names(Priority.values());
    private static final List<String> CATEGORIES = names(Category.values());

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() {
        DecisionTables table = DecisionTables.load(RESOURCE, "complaint-deadlines");
        engine = table.engine();
        decision = table.decision();
    }

    private static DmnDecisionTableResult periodOf(String period, String channel, String priority, String category) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("period", period);
        variables.put("channel", channel);
        variables.put("priority", priority);
        variables.put("category", category);
        return engine.evaluateDecisionTable(decision, variables);
    }

    /** One row per rule of the table, in table order. */
    @ParameterizedTest(name = "{0}: {1} via {2} -> {3} {4}")
    @CsvSource({
            "Rule_Acknowledgement,     acknowledgement,     HOTLINE,   1,  WORKING",
            "Rule_DecisionRegulator,   decision,            REGULATOR, 7,  CALENDAR",
            "Rule_Decision,            decision,            HOTLINE,   15, CALENDAR",
            "Rule_DecisionMaximum,     decisionMaximum,     ONLINE,    60, CALENDAR",
            "Rule_EvidenceReminder,    evidenceReminder,    WALK_IN,   3,  WORKING",
            "Rule_EvidenceExpiry,      evidenceExpiry,      ONLINE,    10, WORKING",
            "Rule_SettlementAnswer,    settlementAnswer,    HOTLINE,   7,  CALENDAR",
            "Rule_RegulatorResponse,   regulatorResponse,   REGULATOR, 7,  WORKING",
            "Rule_InvestigationMargin, investigationMargin, HOTLINE,   3,  WORKING",
            "Rule_ProposalStep,        proposalStep,        HOTLINE,   2,  WORKING",
            "Rule_RemedyExecution,     remedyExecution,     WALK_IN,   5,  WORKING",
            "Rule_TaskStep,            taskStep,            ONLINE,    1,  WORKING",
    })
    void eachRuleGivesItsPeriod(String rule, String period, String channel, int days, String unit) {
        DmnDecisionTableResult result = periodOf(period, channel, "NORMAL", "FEE_DISPUTE");

        assertThat(result).as(rule).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).as(rule)
                .containsOnlyKeys("days", "unit")
                .containsEntry("days", days)
                .containsEntry("unit", unit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HOTLINE", "ONLINE", "WALK_IN"})
    void theDecisionTakes15CalendarDaysUnlessARegulatorForwardedTheComplaint(String channel) {
        assertThat(periodOf("decision", channel, null, null).getSingleResult().getEntryMap())
                .containsEntry("days", 15).containsEntry("unit", "CALENDAR");
        assertThat(periodOf("decision", "REGULATOR", null, null).getSingleResult().getEntryMap())
                .containsEntry("days", 7).containsEntry("unit", "CALENDAR");
    }

    @Test
    void aMissingChannelGetsTheDefaultDecisionPeriod() {
        assertThat(periodOf("decision", null, null, null).getSingleResult().getEntryMap())
                .containsEntry("days", 15).containsEntry("unit", "CALENDAR");
        assertThat(engine.evaluateDecisionTable(decision, Map.of("period", "decision")).getSingleResult().getEntryMap())
                .containsEntry("days", 15);
    }

    @Test
    void priorityAndCategoryChangeNoPeriodToday() {
        for (String period : periods()) {
            for (String channel : CHANNELS) {
                Map<String, Object> plain = periodOf(period, channel, null, null).getSingleResult().getEntryMap();
                for (String priority : PRIORITIES) {
                    for (String category : CATEGORIES) {
                        assertThat(periodOf(period, channel, priority, category).getSingleResult().getEntryMap())
                                .as("%s %s %s %s", period, channel, priority, category).isEqualTo(plain);
                    }
                }
            }
        }
    }

    @Test
    void everyPeriodOfTheApplicationHasExactlyOneRuleOnEveryChannel() {
        assertThat(periods()).containsExactlyInAnyOrder(
                Arrays.stream(DeadlinePeriod.values()).map(DeadlinePeriod::dmnName).toArray(String[]::new));
        for (DeadlinePeriod period : DeadlinePeriod.values()) {
            for (String channel : CHANNELS) {
                assertThat(periodOf(period.dmnName(), channel, "HIGH", "OTHER")).as(period + "/" + channel).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Decision", "ack", "", "unknown"})
    void unknownPeriodYieldsNoResult(String period) {
        assertThat(periodOf(period, "HOTLINE", "NORMAL", "OTHER")).isEmpty();
    }

    @Test
    void missingPeriodYieldsNoResult() {
        assertThat(periodOf(null, "HOTLINE", "NORMAL", "OTHER")).isEmpty();
    }

    @Test
    void modelFollowsTheConventions() {
        DmnModelInstance model = model();
        Decision d = model.getModelElementById("complaint-deadlines");
        assertThat(d.getName()).isEqualTo("投诉期限 Complaint deadlines");
        assertThat(d.getCamundaHistoryTimeToLiveString()).isEqualTo("1096");
        assertThat(d.getDescription().getTextContent()).contains("CALENDAR", "WORKING", "23:59:59 Asia/Shanghai");

        DecisionTable table = (DecisionTable) d.getExpression();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
        assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getTextContent())
                .containsExactly("period", "channel", "priority", "category");
        assertThat(table.getInputs()).extracting(Input::getId).containsExactly("InputClause_Period",
                "InputClause_Channel", "InputClause_Priority", "InputClause_Category");
        assertThat(table.getOutputs()).extracting(Output::getName).containsExactly("days", "unit");
        assertThat(table.getRules()).extracting(Rule::getId).containsExactly("Rule_Acknowledgement",
                "Rule_DecisionRegulator", "Rule_Decision", "Rule_DecisionMaximum", "Rule_EvidenceReminder",
                "Rule_EvidenceExpiry", "Rule_SettlementAnswer", "Rule_RegulatorResponse", "Rule_InvestigationMargin",
                "Rule_ProposalStep", "Rule_RemedyExecution", "Rule_TaskStep");
        assertThat(table.getRules()).allSatisfy(rule -> {
            assertThat(rule.getDescription()).isNotNull();
            assertThat(rule.getDescription().getTextContent()).isNotBlank();
        });
    }

    /** The periods the table's input values list. */
    private static List<String> periods() {
        Input input = model().getModelElementById("InputClause_Period");
        return Arrays.stream(input.getInputValues().getText().getTextContent().split(","))
                .map(s -> s.strip().replace("\"", "")).toList();
    }

    private static DmnModelInstance model() {
        return DecisionTables.model(RESOURCE);
    }
}
