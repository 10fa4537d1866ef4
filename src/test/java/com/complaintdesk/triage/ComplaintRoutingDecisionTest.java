package com.complaintdesk.triage;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.SubCategory;
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
        return route(category, viaSalesPromotion, null);
    }

    private static DmnDecisionTableResult route(String category, Boolean viaSalesPromotion, String subCategory) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("category", category);
        variables.put("viaSalesPromotion", viaSalesPromotion);
        variables.put("subCategory", subCategory);
        return engine.evaluateDecisionTable(decision, variables);
    }

    /** One row per rule of the table, in table order (an empty consulted department: nobody is consulted, no entry). */
    @ParameterizedTest(name = "{0}: {1}/{3}, viaSalesPromotion={2} -> {4}, {5}, referral={6}, {7}, consulted={8}")
    @CsvSource({
            "Rule_TechnicalFault,                 TECHNICAL_FAULT,     false, CARD_READER,                 technical-support, HIGH,   false, FAULT_DIAGNOSIS,          ",
            "Rule_FeeDispute,                     FEE_DISPUTE,         false, MCC_SWITCHING,               compliance-legal,  HIGH,   false, FEE_AUDIT,                ",
            "Rule_ApplicationProcess,             APPLICATION_PROCESS, false, APPLICATION_DELAYED,         customer-service,  NORMAL, false, SERVICE_INVESTIGATION,    ",
            "Rule_ApplicationProcessViaPromotion, APPLICATION_PROCESS, true,  APPLICATION_DELAYED,         marketing-brand,   NORMAL, false, BRAND_INVESTIGATION,      ",
            "Rule_BrandMarketing,                 BRAND_MARKETING,     false, MISLEADING_ADVERTISING,      marketing-brand,   NORMAL, false, BRAND_INVESTIGATION,      ",
            "Rule_PromotionRateNotHonoured,       BRAND_MARKETING,     true,  PROMOTION_RATE_NOT_HONOURED, marketing-brand,   HIGH,   false, BRAND_INVESTIGATION,      compliance-legal",
            "Rule_ProductQuality,                 PRODUCT_QUALITY,     false, BATTERY,                     technical-support, NORMAL, true,  FAULT_DIAGNOSIS,          ",
            "Rule_ServiceQuality,                 SERVICE_QUALITY,     false, NO_CALLBACK,                 customer-service,  NORMAL, false, SERVICE_INVESTIGATION,    ",
            "Rule_Compliance,                     COMPLIANCE,          false, DATA_PRIVACY,                compliance-legal,  HIGH,   false, COMPLIANCE_INVESTIGATION, ",
            "Rule_Other,                          OTHER,               false, OTHER,                       customer-service,  LOW,    false, SERVICE_INVESTIGATION,    ",
    })
    void eachRuleRoutesItsCategory(String rule, String category, boolean viaSalesPromotion, String subCategory, String department,
            String priority, boolean manufacturerReferral, String investigation, String consultedDepartment) {
        DmnDecisionTableResult result = route(category, viaSalesPromotion, subCategory);

        assertThat(result).as(rule).hasSize(1);
        Map<String, Object> expected = new HashMap<>();
        expected.put("department", department);
        expected.put("priority", priority);
        expected.put("manufacturerReferral", manufacturerReferral);
        expected.put("investigationType", investigation);
        if (consultedDepartment != null) { // an empty output entry gives no entry at all
            expected.put("consultedDepartment", consultedDepartment);
        }
        assertThat(result.getSingleResult().getEntryMap()).as(rule).isEqualTo(expected);
    }

    /**
     * Every sub-category the triage form offers, under its category: the department, investigation and consulted
     * department the departments' remits give it (source: compliance &amp; legal owns card-fee levels and brand-use
     * compliance; marketing &amp; brand owns brand, market and sales-promotion feedback).
     */
    @ParameterizedTest(name = "{0}/{1} -> {2}, {3}, consulted={4}")
    @CsvSource({
            "TECHNICAL_FAULT,     WONT_POWER_ON,               technical-support, FAULT_DIAGNOSIS,          ",
            "TECHNICAL_FAULT,     CARD_READER,                 technical-support, FAULT_DIAGNOSIS,          ",
            "TECHNICAL_FAULT,     PRINTER,                     technical-support, FAULT_DIAGNOSIS,          ",
            "TECHNICAL_FAULT,     NETWORK,                     technical-support, FAULT_DIAGNOSIS,          ",
            "TECHNICAL_FAULT,     SYSTEM_CRASH,                technical-support, FAULT_DIAGNOSIS,          ",
            "FEE_DISPUTE,         RATE_RAISED_WITHOUT_NOTICE,  compliance-legal,  FEE_AUDIT,                ",
            "FEE_DISPUTE,         MCC_SWITCHING,               compliance-legal,  FEE_AUDIT,                ",
            "FEE_DISPUTE,         HIDDEN_SERVICE_FEE,          compliance-legal,  FEE_AUDIT,                ",
            "FEE_DISPUTE,         DEPOSIT_NOT_REFUNDED,        compliance-legal,  FEE_AUDIT,                ",
            "FEE_DISPUTE,         CONTRACT_RATE_NOT_APPLIED,   compliance-legal,  FEE_AUDIT,                ",
            "APPLICATION_PROCESS, APPLICATION_DELAYED,         customer-service,  SERVICE_INVESTIGATION,    ",
            "APPLICATION_PROCESS, DOCUMENTS_REJECTED,          customer-service,  SERVICE_INVESTIGATION,    ",
            "APPLICATION_PROCESS, ACTIVATION_PROBLEM,          customer-service,  SERVICE_INVESTIGATION,    ",
            "BRAND_MARKETING,     BRAND_IMPERSONATION,         marketing-brand,   BRAND_INVESTIGATION,      ",
            "BRAND_MARKETING,     MISLEADING_ADVERTISING,      marketing-brand,   BRAND_INVESTIGATION,      ",
            "BRAND_MARKETING,     PROMOTION_RATE_NOT_HONOURED, marketing-brand,   BRAND_INVESTIGATION,      compliance-legal",
            "BRAND_MARKETING,     PROMOTION_PROMISE_NOT_KEPT,  marketing-brand,   BRAND_INVESTIGATION,      ",
            "PRODUCT_QUALITY,     HARDWARE_DEFECT,             technical-support, FAULT_DIAGNOSIS,          ",
            "PRODUCT_QUALITY,     BATTERY,                     technical-support, FAULT_DIAGNOSIS,          ",
            "PRODUCT_QUALITY,     SCREEN,                      technical-support, FAULT_DIAGNOSIS,          ",
            "SERVICE_QUALITY,     RUDE_STAFF,                  customer-service,  SERVICE_INVESTIGATION,    ",
            "SERVICE_QUALITY,     NO_CALLBACK,                 customer-service,  SERVICE_INVESTIGATION,    ",
            "SERVICE_QUALITY,     SLOW_RESPONSE,               customer-service,  SERVICE_INVESTIGATION,    ",
            "COMPLIANCE,          DATA_PRIVACY,                compliance-legal,  COMPLIANCE_INVESTIGATION, ",
            "COMPLIANCE,          CARD_FEE_RULES,              compliance-legal,  COMPLIANCE_INVESTIGATION, ",
            "COMPLIANCE,          BRAND_USE_COMPLIANCE,        compliance-legal,  COMPLIANCE_INVESTIGATION, ",
            "OTHER,               OTHER,                       customer-service,  SERVICE_INVESTIGATION,    ",
    })
    void eachSubCategoryReachesItsDepartmentsInvestigation(String category, String subCategory, String department,
            String investigation, String consultedDepartment) {
        for (Boolean via : new Boolean[] {false, null}) {
            DmnDecisionRuleResult result = route(category, via, subCategory).getSingleResult();
            assertThat(result.<String>getEntry("department")).as(subCategory).isEqualTo(department);
            assertThat((String) result.getEntryMap().get("investigationType")).as(subCategory).isEqualTo(investigation);
            assertThat((String) result.getEntryMap().get("consultedDepartment")).as(subCategory).isEqualTo(consultedDepartment);
        }
    }

    /** The rows above are every sub-category of the enum, each under its category (EnumLabelsInFormsTest holds the form to it). */
    @Test
    void theSubCategoriesTestedAreExactlyTheEnumsUnderTheirCategories() throws NoSuchMethodException {
        Map<String, String> tested = new java.util.LinkedHashMap<>();
        java.lang.reflect.Method rows = getClass().getDeclaredMethod("eachSubCategoryReachesItsDepartmentsInvestigation",
                String.class, String.class, String.class, String.class, String.class);
        for (String row : rows.getAnnotation(CsvSource.class).value()) {
            String[] cells = row.split(",");
            tested.put(cells[1].trim(), cells[0].trim());
        }
        Map<String, String> defined = new java.util.LinkedHashMap<>();
        for (SubCategory sub : SubCategory.values()) {
            defined.put(sub.name(), sub.category().name());
        }
        assertThat(tested).containsExactlyEntriesOf(defined);
    }

    /**
     * The table's sub-category input offers exactly the enum's values (what the Modeler shows), and every sub-category a
     * rule names is one of them, in a rule of its own category.
     */
    @Test
    void theTablesSubCategoriesAreTheEnumsUnderTheirCategories() {
        DecisionTable table = (DecisionTable) DecisionTables.model(RESOURCE).<Decision>getModelElementById("complaint-routing")
                .getExpression();
        Input subCategoryInput = table.getInputs().stream().filter(i -> "InputClause_SubCategory".equals(i.getId())).findFirst()
                .orElseThrow();
        assertThat(literals(subCategoryInput.getInputValues().getTextContent()))
                .containsExactlyElementsOf(java.util.Arrays.stream(SubCategory.values()).map(Enum::name).toList());

        int named = 0;
        for (Rule rule : table.getRules()) {
            List<org.camunda.bpm.model.dmn.instance.InputEntry> entries = List.copyOf(rule.getInputEntries());
            List<String> categories = literals(entries.get(0).getTextContent());
            for (String sub : literals(entries.get(2).getTextContent())) {
                assertThat(java.util.Arrays.stream(SubCategory.values()).map(Enum::name)).as(rule.getId() + ": " + sub).contains(sub);
                assertThat(categories).as(rule.getId() + ": the category of " + sub).containsExactly(SubCategory.valueOf(sub).category().name());
                named++;
            }
        }
        assertThat(named).as("sub-categories named in rules").isPositive();
    }

    private static List<String> literals(String feel) {
        List<String> literals = new java.util.ArrayList<>();
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(feel);
        while (quoted.find()) {
            literals.add(quoted.group(1));
        }
        return literals;
    }

    @Test
    void aRatePromisedInASalesPromotionGoesToMarketingWithComplianceConsultedWhateverTheFlag() {
        for (Boolean via : new Boolean[] {true, false, null}) {
            DmnDecisionRuleResult result = route("BRAND_MARKETING", via, "PROMOTION_RATE_NOT_HONOURED").getSingleResult();
            assertThat(result.<String>getEntry("department")).isEqualTo("marketing-brand");
            assertThat((String) result.getEntryMap().get("consultedDepartment")).isEqualTo("compliance-legal");
        }
        // a brand complaint with no sub-category (an integrator's, or an older triage) is marketing's alone
        assertThat(route("BRAND_MARKETING", false, null).getSingleResult().getEntryMap().get("consultedDepartment")).isNull();
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
                .containsExactly("InputClause_Category", "InputClause_ViaSalesPromotion", "InputClause_SubCategory");
        assertThat(table.getInputs()).extracting(i -> i.getInputExpression().getTypeRef())
                .containsExactly("string", "boolean", "string");
        assertThat(table.getOutputs()).extracting(Output::getId).containsExactly("OutputClause_Department",
                "OutputClause_Priority", "OutputClause_ManufacturerReferral", "OutputClause_Investigation",
                "OutputClause_ConsultedDepartment");
        assertThat(table.getOutputs()).extracting(Output::getName)
                .containsExactly("department", "priority", "manufacturerReferral", "investigationType", "consultedDepartment");
        assertThat(table.getRules()).extracting(Rule::getId).containsExactly("Rule_TechnicalFault", "Rule_FeeDispute",
                "Rule_ApplicationProcess", "Rule_ApplicationProcessViaPromotion", "Rule_BrandMarketing",
                "Rule_PromotionRateNotHonoured", "Rule_ProductQuality", "Rule_ServiceQuality", "Rule_Compliance", "Rule_Other");
        assertThat(table.getRules()).allSatisfy(rule -> {
            assertThat(rule.getDescription()).isNotNull();
            assertThat(rule.getDescription().getTextContent()).isNotBlank();
        });
    }
}
