package com.complaintdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Variable;
import com.complaintdesk.settlement.SettlementVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.HashMap;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/**
 * One descriptor per variable: no name twice across the process groups, every field is named as its variable, and
 * every variable the forms and decisions use has its descriptor (no variable name is spelled out anywhere else in
 * our code). Money goes to the engine as a typed double and comes back as a
 * BigDecimal with 2 places.
 */
class VariableDescriptorsTest {

    @Test
    void everyVariableHasOneDescriptorInOneGroup() {
        List<Variable<?>> descriptors = ModelWiring.descriptors();
        Map<String, Long> counts = descriptors.stream().collect(Collectors.groupingBy(Variable::name, Collectors.counting()));

        assertThat(counts).as("variables described more than once").allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1L));
        assertThat(descriptors).hasSizeGreaterThan(100);
    }

    /**
     * Variable names exist once, as descriptors: every field a form in forms/ submits and every input and output of the
     * decisions the processes evaluate is one. (ModelConventionsTest checks the expressions of the BPMN models.)
     */
    @Test
    void theDescriptorsCoverEveryVariableTheFormsAndDecisionsUse() throws IOException {
        Set<String> described = ModelWiring.lifecycleVariables();
        Set<String> used = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                formFieldKeys(json.readTree(form.toFile()), used);
            }
        }
        for (String dmn : List.of("processes/complaint-routing.dmn", "processes/settlement-approval.dmn")) {
            DmnModelInstance model = Dmn.readModelFromFile(new File(dmn));
            model.getModelElementsByType(InputExpression.class).forEach(input -> used.add(input.getText().getTextContent().trim()));
            model.getModelElementsByType(Output.class).forEach(output -> used.add(output.getName()));
        }

        assertThat(used).hasSizeGreaterThan(90);
        assertThat(used).as("variables without a descriptor in %s: add one", ModelWiring.VARIABLE_GROUPS).isSubsetOf(described);
    }

    private static void formFieldKeys(JsonNode container, Set<String> keys) {
        for (JsonNode component : container.path("components")) {
            if (component.hasNonNull("key") && !Set.of("text", "html", "image", "spacer", "separator", "button")
                    .contains(component.path("type").asText())) {
                keys.add(component.get("key").asText());
            }
            formFieldKeys(component, keys);
        }
    }

    @Test
    void eachDescriptorFieldIsNamedAsItsVariable() throws IllegalAccessException {
        for (Class<?> group : ModelWiring.VARIABLE_GROUPS) {
            for (Field field : group.getDeclaredFields()) {
                if (field.getType() == Variable.class) {
                    String name = ((Variable<?>) field.get(null)).name();
                    assertThat(field.getName()).as(group.getSimpleName() + "." + field.getName())
                            .isEqualTo(name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
                }
            }
        }
    }

    @Test
    void moneyIsATypedDoubleInTheEngineAndABigDecimalWithTwoPlacesHere() {
        Scope held = new Scope();
        VariableScope scope = held.scope;

        SettlementVariables.PROPOSED_AMOUNT.set(scope, new BigDecimal("1234.5"));

        TypedValue stored = held.getVariableTyped("proposedAmount");
        assertThat(stored.getType()).isEqualTo(ValueType.DOUBLE);
        assertThat(stored.getValue()).isEqualTo(1234.5d);
        assertThat(SettlementVariables.PROPOSED_AMOUNT.get(scope)).isEqualTo(new BigDecimal("1234.50"));
        assertThat(SettlementVariables.PROPOSED_AMOUNT.type()).isEqualTo(BigDecimal.class);
    }

    @Test
    void typedWritesAndReadsOfTheOtherKinds() {
        Scope held = new Scope();
        VariableScope scope = held.scope;

        Lifecycle.EVIDENCE_SUFFICIENT.set(scope, true);
        Lifecycle.EVIDENCE_ROUND.set(scope, 2);
        SettlementVariables.REMEDY.set(scope, com.complaintdesk.settlement.Remedy.REFUND);
        SettlementVariables.PROPOSAL_ID.set(scope, 42L);
        held.setVariable("counterAmount", 99L); // a form's number field submits a Long

        assertThat(held.getVariableTyped("evidenceSufficient").getType()).isEqualTo(ValueType.BOOLEAN);
        assertThat(held.getVariableTyped("evidenceRound").getType()).isEqualTo(ValueType.INTEGER);
        assertThat(held.getVariableTyped("remedy").getValue()).isEqualTo("REFUND");
        assertThat(SettlementVariables.REMEDY.get(scope)).isEqualTo(com.complaintdesk.settlement.Remedy.REFUND);
        assertThat(SettlementVariables.PROPOSAL_ID.get(scope)).isEqualTo(42L);
        assertThat(SettlementVariables.COUNTER_AMOUNT.get(scope)).isEqualByComparingTo("99.00");
        assertThat(Lifecycle.EVIDENCE_REQUIRED.get(scope)).isFalse();
        assertThat(SettlementVariables.APPROVAL_COMMENT.getOptional(scope)).isEmpty();
        Assertions.assertThatThrownBy(() -> SettlementVariables.APPROVAL_COMMENT.required(scope))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("approvalComment");
        held.setVariable("remedy", "GOLD_BARS");
        Assertions.assertThatThrownBy(() -> SettlementVariables.REMEDY.get(scope))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("remedy");
    }

    /** A variable scope without an engine: keeps what is set (typed values as given) in a map. */
    private static final class Scope {
        private final Map<String, Object> values = new HashMap<>();
        private final VariableScope scope = (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(),
                new Class<?>[] {VariableScope.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable" -> values.get(args[0]) instanceof TypedValue typed ? typed.getValue() : values.get(args[0]);
                    case "setVariable", "setVariableLocal" -> values.put((String) args[0], args[1]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });

        TypedValue getVariableTyped(String name) {
            return (TypedValue) values.get(name);
        }

        void setVariable(String name, Object value) {
            values.put(name, value);
        }
    }
}
