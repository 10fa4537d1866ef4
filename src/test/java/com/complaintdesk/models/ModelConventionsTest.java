package com.complaintdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every model in processes/ keeps the house conventions (see {@link ModelConventions}); a model edit that breaks one
 * fails the build with a message naming the file and the element. The second half feeds broken models to the same
 * checker, so we know it would notice.
 */
class ModelConventionsTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    private static ModelConventions conventions;

    @BeforeAll
    static void readProject() throws IOException {
        conventions = ModelConventions.ofProject(PROJECT);
    }

    @Test
    void everyProcessModelKeepsTheConventions() throws IOException {
        List<Path> models = ModelConventions.files(PROJECT.resolve("processes"), ".bpmn");
        assertThat(models).extracting(p -> p.getFileName().toString()).contains("complaint-lifecycle.bpmn");
        List<String> problems = new ArrayList<>();
        for (Path model : models) {
            try (InputStream in = Files.newInputStream(model)) {
                problems.addAll(conventions.checkBpmn(model.getFileName().toString(), in));
            }
        }
        assertThat(problems).as("model convention problems").isEmpty();
    }

    @Test
    void everyDecisionModelKeepsTheConventions() throws IOException {
        List<Path> models = ModelConventions.files(PROJECT.resolve("processes"), ".dmn");
        assertThat(models).hasSizeGreaterThanOrEqualTo(2);
        List<String> problems = new ArrayList<>();
        for (Path model : models) {
            try (InputStream in = Files.newInputStream(model)) {
                problems.addAll(conventions.checkDmn(model.getFileName().toString(), in));
            }
        }
        assertThat(problems).as("model convention problems").isEmpty();
    }

    @Test
    void theBeansAreFoundWithoutStartingSpring() {
        assertThat(ModelConventions.springBeans("com.complaintdesk"))
                .containsKeys("registerComplaint", "routeComplaint", "triage", "settlement", "remedies", "complaintPolicy")
                // a @Service without a name gets Spring's default name
                .containsKey("closure");
    }

    // ---- the checker notices broken models ----

    @Test
    void aGeneratedIdAndAMissingFormAreNamedWithTheirElement() {
        List<String> problems = checkBpmn("""
                <bpmn:userTask id="Activity_0x7k2pq" name="Triage" camunda:candidateGroups="customer-service"
                    camunda:formRefBinding="deployment" camunda:formRef="foo" />
                """);

        assertThat(problems).contains(
                "broken.bpmn: Activity_0x7k2pq has a generated id: give it a meaningful one (Task_…, Gateway_…, Flow_…)",
                "broken.bpmn: Activity_0x7k2pq formRef 'foo' has no forms/foo.form");
    }

    @Test
    void wiringThatIsNotASpringBeanIsRefused() {
        List<String> problems = checkBpmn("""
                <bpmn:serviceTask id="Task_Pay" name="Pay" camunda:class="com.example.PayDelegate" />
                <bpmn:serviceTask id="Task_Route" name="Route" camunda:delegateExpression="${noSuchBean}" />
                <bpmn:scriptTask id="Task_Script" name="Compute" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
                <bpmn:userTask id="Task_Review" name="Review" camunda:candidateGroups="${department}" camunda:formRef="review-evidence">
                  <bpmn:extensionElements>
                    <camunda:taskListener expression="${evidence.noSuchMethod(task)}" event="complete" />
                    <camunda:taskListener expression="${nobody.reviewed(task)}" event="complete" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("broken.bpmn: Task_Pay uses camunda:class 'com.example.PayDelegate'"))
                .anySatisfy(p -> assertThat(p).startsWith("broken.bpmn: Task_Route delegateExpression '${noSuchBean}' names no Spring bean"))
                .anySatisfy(p -> assertThat(p).startsWith("broken.bpmn: Task_Script is a script task"))
                .anySatisfy(p -> assertThat(p).startsWith(
                        "broken.bpmn: Task_Review task listener expression '${evidence.noSuchMethod(task)}': EvidenceSteps has no public method"))
                .anySatisfy(p -> assertThat(p).startsWith(
                        "broken.bpmn: Task_Review task listener expression '${nobody.reviewed(task)}' names no Spring bean 'nobody'"));
    }

    @Test
    void unknownGroupsUnnamedTasksAndMissingHistoryTimeToLiveAreReported() {
        String model = wrap("""
                <bpmn:userTask id="Task_Approve" camunda:candidateGroups="managers,${reviewer}" camunda:formRef="approve-proposal" />
                """).replace(" camunda:historyTimeToLive=\"30\"", "");

        List<String> problems = conventions.checkBpmn("broken.bpmn", stream(model));

        assertThat(problems).contains(
                "broken.bpmn: Process_Broken has no camunda:historyTimeToLive",
                "broken.bpmn: Task_Approve has no name",
                "broken.bpmn: Task_Approve candidateGroups '${reviewer}' is neither a DMN output nor a process variable")
                .anySatisfy(p -> assertThat(p).startsWith("broken.bpmn: Task_Approve candidateGroups 'managers' is no group id"));
    }

    @Test
    void aFormFieldWhoseKeyIsNoProcessVariableIsReported(@org.junit.jupiter.api.io.TempDir Path forms) throws IOException {
        Files.writeString(forms.resolve("odd-form.form"), """
                {"id": "odd-form", "type": "default", "components": [
                  {"type": "text", "id": "Text_Intro", "text": "{{complaintNumber}}"},
                  {"type": "textfield", "id": "Field_Typo", "key": "complaintNumbr"},
                  {"type": "checkbox", "id": "Field_Ok", "key": "evidenceSufficient"}
                ]}""");
        Files.writeString(forms.resolve("wrong-id.form"), """
                {"id": "something-else", "type": "default", "components": []}""");
        ModelConventions withTheseForms = new ModelConventions(ModelConventions.springBeans("com.complaintdesk"),
                ModelConventions.lifecycleVariables(), forms, java.util.Set.of("department"));

        List<String> problems = withTheseForms.checkBpmn("broken.bpmn", stream(wrap("""
                <bpmn:userTask id="Task_Odd" name="Odd" camunda:candidateGroups="customer-service" camunda:formRef="odd-form" />
                <bpmn:userTask id="Task_Wrong" name="Wrong" camunda:candidateGroups="customer-service" camunda:formRef="wrong-id" />
                """)));

        assertThat(problems).containsExactly(
                "broken.bpmn: Task_Odd formRef 'odd-form': field 'Field_Typo' of forms/odd-form.form has key 'complaintNumbr', "
                        + "which is no variable (no descriptor has that name)",
                "broken.bpmn: Task_Wrong formRef 'wrong-id': forms/wrong-id.form has id 'something-else', not 'wrong-id'");
    }

    @Test
    void generatedDecisionIdsAreReported() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Definitions_Broken" name="Broken" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="broken-decision" name="Broken">
                    <decisionTable id="DecisionTable_0k3x9zq">
                      <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string"><text>x</text></inputExpression></input>
                      <output id="Output_1" name="y" typeRef="string" />
                    </decisionTable>
                  </decision>
                </definitions>
                """;

        List<String> problems = conventions.checkDmn("broken.dmn", stream(dmn));

        assertThat(problems).contains(
                "broken.dmn: broken-decision has no camunda:historyTimeToLive",
                "broken.dmn: DecisionTable_0k3x9zq has a generated id: give it a meaningful one (Rule_…, InputClause_…)",
                "broken.dmn: Input_1 has a generated id: give it a meaningful one (Rule_…, InputClause_…)");
    }

    // ---- helpers ----

    private static List<String> checkBpmn(String flowElements) {
        return conventions.checkBpmn("broken.bpmn", stream(wrap(flowElements)));
    }

    private static String wrap(String flowElements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_Broken" targetNamespace="http://complaintdesk.com/bpmn">
                  <bpmn:process id="Process_Broken" name="Broken" isExecutable="true" camunda:historyTimeToLive="30">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(flowElements);
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
