package com.complaintdesk.triage;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.support.DecisionTables;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
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
 * The complaint-routing decision (processes/complaint-routing.dmn) on the standalone DMN engine.
 *
 * <p>Design choice under test: there is no catch-all rule. Every category of the enumeration (including OTHER)
 * matches exactly one rule; an unknown or missing category yields an empty result, so the routing service must
 * treat "no result" as an error instead of guessing a department.
 */
class ComplaintRoutingDecisionTest {

    private static final String RESOURCE = "processes/complaint-routing.dmn";
    private static final List<String> CATEGORIES = java.util.Arrays.stream(Category.values()).map(Enum::name).toList();

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseDecision() {
        DecisionTables table = DecisionTables.load(RESOURCE, "complaint-routing");
        engine = table.engine();
        decision = table.decision();
    }

    private static DmnDecisionTableResult route(String category, Boolean viaSalesPromotion) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", category);
        variables.put("viaSalesPromotion", viaSalesPromotion);
        return engine.evaluateDecisionTable(decision, variables);
    }

    /** One row per rule of the table, in table order. */
    @ParameterizedTest(name = "{0}: {1}, viaSalesPromotion={2} -> {3}, {4}, referral={5}")
    @CsvSource({
            "Rule_TechnicalFault,                 TECHNICAL_FAULT,     false, technical-support, HIGH,   false",
            "Rule_FeeDispute,                     FEE_DISPUTE,         false, compliance-legal,  HIGH,   false",
            "Rule_ApplicationProcess,             APPLICATION_PROCESS, false, customer-service,  NORMAL, false",
            "Rule_ApplicationProcessViaPromotion, APPLICATION_PROCESS, true,  marketing-brand,   NORMAL, false",
            "Rule_BrandMarketing,                 BRAND_MARKETING,     false, marketing-brand,   NORMAL, false",
            "Rule_ProductQuality,                 PRODUCT_QUALITY,     false, technical-support, NORMAL, true",
            "Rule_ServiceQuality,                 SERVICE_QUALITY,     false, customer-service,  NORMAL, false",
            "Rule_Compliance,                     COMPLIANCE,          false, compliance-legal,  HIGH,   false",
            "Rule_Other,                          OTHER,               false, customer-service,  LOW,    false",
    })
    void eachRuleRoutesItsCategory(String rule, String category, boolean viaSalesPromotion, String department,
            String priority, boolean manufacturerReferral) {
        DmnDecisionTableResult result = route(category, viaSalesPromotion);

        assertThat(result).as(rule).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).as(rule)
                .containsOnlyKeys("department", "priority", "manufacturerReferral")
                .containsEntry("department", department)
                .containsEntry("priority", priority)
                .containsEntry("manufacturerReferral", manufacturerReferral);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TECHNICAL_FAULT", "FEE_DISPUTE", "BRAND_MARKETING", "PRODUCT_QUALITY", "SERVICE_QUALITY",
            "COMPLIANCE", "OTHER"})
    void viaSalesPromotionOnlyMattersForApplicationProcess(String category) {
        DmnDecisionRuleResult notViaPromotion = route(category, false).getSingleResult();

        assertThat(route(category, true).getSingleResult().getEntryMap()).isEqualTo(notViaPromotion.getEntryMap());
        assertThat(route(category, null).getSingleResult().getEntryMap()).isEqualTo(notViaPromotion.getEntryMap());
    }

    @Test
    void applicationProcessWithoutViaSalesPromotionGoesToCustomerService() {
        DmnDecisionRuleResult entries = route("APPLICATION_PROCESS", null).getSingleResult();

        assertThat(entries.<String>getEntry("department")).isEqualTo("customer-service");
        assertThat(entries.<String>getEntry("priority")).isEqualTo("NORMAL");
        assertThat(entries.<Boolean>getEntry("manufacturerReferral")).isFalse();

        // the variable not set at all behaves like null
        DmnDecisionRuleResult absent = engine
                .evaluateDecisionTable(decision, Map.of("category", "APPLICATION_PROCESS")).getSingleResult();
        assertThat(absent.getEntryMap()).isEqualTo(entries.getEntryMap());
    }

    @Test
    void everyKnownCategoryMatchesExactlyOneRuleWhateverTheFlag() {
        for (String category : CATEGORIES) {
            for (Boolean via : new Boolean[] {true, false, null}) {
                // UNIQUE would throw on two matches; we also rule out zero.
                assertThat(route(category, via)).as(category + "/" + via).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"FEE", "technical_fault", "", "UNKNOWN"})
    void unknownCategoryYieldsNoResult(String category) {
        DmnDecisionTableResult result = route(category, false);

        assertThat(result).isEmpty();
        assertThat(result.getSingleResult()).isNull();
    }

    @Test
    void missingCategoryYieldsNoResult() {
        assertThat(route(null, false)).isEmpty();
        assertThat(engine.evaluateDecisionTable(decision, Map.of("viaSalesPromotion", true))).isEmpty();
    }

    @Test
    void modelFollowsTheConventions() {
        DmnModelInstance model = DecisionTables.model(RESOURCE);
        Decision d = model.getModelElementById("complaint-routing");
        assertThat(d.getName()).isEqualTo("投诉分派 Complaint routing");
        assertThat(d.getCamundaHistoryTimeToLiveString()).isEqualTo("1096");

        DecisionTable table = (DecisionTable) d.getExpression();
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
        assertThat(table.getInputs()).extracting(Input::getId)
                .containsExactly("InputClause_Category", "InputClause_ViaSalesPromotion");
        assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getTypeRef())
                .containsExactly("string", "boolean");
        assertThat(table.getOutputs()).extracting(Output::getId).containsExactly("OutputClause_Department",
                "OutputClause_Priority", "OutputClause_ManufacturerReferral");
        assertThat(table.getOutputs()).extracting(Output::getName)
                .containsExactly("department", "priority", "manufacturerReferral");
        assertThat(table.getRules()).extracting(Rule::getId).containsExactly("Rule_TechnicalFault", "Rule_FeeDispute",
                "Rule_ApplicationProcess", "Rule_ApplicationProcessViaPromotion", "Rule_BrandMarketing",
                "Rule_ProductQuality", "Rule_ServiceQuality", "Rule_Compliance", "Rule_Other");
        assertThat(table.getRules()).allSatisfy(rule -> {
            assertThat(rule.getDescription()).isNotNull();
            assertThat(rule.getDescription().getTextContent()).isNotBlank();
        });
    }
}
