package com.complaintdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.LifecycleVariables;
import com.complaintdesk.complaint.Variable;
import com.complaintdesk.settlement.SettlementVariables;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.HashMap;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

/**
 * One descriptor per variable: no name twice across the process groups, every field is named as its variable, and
 * every variable name LifecycleVariables still spells out has its descriptor (and the other way round), so the two
 * cannot drift while code moves to the descriptors. Money goes to the engine as a typed double and comes back as a
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

    @Test
    void theStringNamesOfLifecycleVariablesAndTheDescriptorsAgree() throws IllegalAccessException {
        Set<String> described = ModelWiring.descriptors().stream().map(Variable::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> spelledOut = new TreeSet<>();
        for (Field field : LifecycleVariables.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().endsWith("_KEY") && !field.getName().startsWith("MESSAGE_")) {
                String name = (String) field.get(null);
                spelledOut.add(name);
            }
        }

        assertThat(spelledOut).as("names in LifecycleVariables without a descriptor in %s: add one", ModelWiring.VARIABLE_GROUPS)
                .isSubsetOf(described);
        assertThat(described).as("descriptors without their name in LifecycleVariables").isSubsetOf(spelledOut);
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
