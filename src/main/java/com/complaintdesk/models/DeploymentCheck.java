package com.complaintdesk.models;

import com.complaintdesk.complaint.Processes;
import com.complaintdesk.deadline.DeadlinePeriods;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Output;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Checks a set of models (a deployment, or what an owner asks about before deploying) against this application and
 * what the engine already has: the {@link ModelWiring} rules, with beans looked up in the running Spring context and
 * forms and decisions looked up first in the set itself, then among the deployed ones. Forms and decisions found only
 * among the deployed ones are reported as borrowed: the guard adds them to the deployment, so a BPMN deployed alone
 * (Camunda Modeler's default) still finds its forms and tables through the deployment binding.
 */
@Component
class DeploymentCheck {

    /** The routing table (triage/RouteComplaintDelegate evaluates it). */
    static final String ROUTING = "complaint-routing";

    /** Decisions the application's beans evaluate (from the deployment of the process) while an instance runs: they are
     * checked, and taken into a deployment that lacks them, like the decisions of business rule tasks. */
    static final Map<String, List<String>> DECISIONS_EVALUATED_BY_BEANS = Map.of(
            Processes.LIFECYCLE_KEY, List.of(DeadlinePeriods.DECISION_KEY, ROUTING),
            Processes.SETTLEMENT_EXECUTION_KEY, List.of(DeadlinePeriods.DECISION_KEY),
            Processes.REGULATOR_REFERRAL_KEY, List.of(DeadlinePeriods.DECISION_KEY));

    private final ListableBeanFactory beans;
    private final ObjectMapper json = new ObjectMapper();

    DeploymentCheck(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** A resource taken over from an earlier deployment. */
    record Borrowed(String name, byte[] bytes) {
    }

    /** The outcome: one line per problem ("file: element problem"), and what the deployment would borrow. */
    record Report(List<String> problems, List<Borrowed> borrowed) {

        boolean deployable() {
            return problems.isEmpty();
        }

        /** The problems as the engine reports a model it cannot parse: the REST API answers 400 with each line. */
        ParseException toParseException(String resourceNames) {
            List<Problem> errors = problems.stream().<Problem>map(GuardProblem::new).toList();
            return new ParseException("The deployment would break work and was refused (" + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s") + "):\n" + String.join("\n", problems), resourceNames, errors, List.of());
        }
    }

    /**
     * Runs inside an engine command (the deployment's own, or the dry run's). {@code byOwner}: deployed by a person
     * (REST, Modeler, scripts/deploy), not the application's own deployment at start-up, whose files keep their tag.
     */
    Report check(Map<String, byte[]> resources, CommandContext commandContext, boolean byOwner) {
        Map<String, Form> forms = new LinkedHashMap<>();
        Map<String, String> decisions = new LinkedHashMap<>();
        Set<String> outputs = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        resources.forEach((name, bytes) -> {
            if (name.endsWith(".form")) {
                try {
                    JsonNode root = json.readTree(bytes);
                    forms.put(root.path("id").asText(name), new Form(name, root));
                } catch (IOException e) {
                    problems.add(name + ": (form) is no JSON: " + e.getMessage());
                }
            } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                DmnModelInstance model = readDmn(name, bytes, problems);
                if (model != null) {
                    model.getModelElementsByType(Decision.class).forEach(d -> decisions.put(d.getId(), name));
                    model.getModelElementsByType(Output.class).forEach(o -> outputs.add(o.getName()));
                }
            }
        });
        Map<String, Borrowed> borrowed = new LinkedHashMap<>();
        Deployed deployed = new Deployed(commandContext, forms, decisions, borrowed, outputs);
        resources.forEach((name, bytes) -> {
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                BpmnModelInstance model = readBpmn(name, bytes, problems);
                if (model == null) {
                    return;
                }
                ModelWiring wiring = new ModelWiring(deployed, ModelWiring.lifecycleVariables(), outputs);
                wiring.check(model).forEach(finding -> problems.add(finding.line(name)));
                for (Process process : model.getModelElementsByType(Process.class)) {
                    if (byOwner) {
                        checkVersionTag(name, bytes, process, commandContext, problems);
                    }
                    for (String key : DECISIONS_EVALUATED_BY_BEANS.getOrDefault(process.getId(), List.of())) {
                        if (!deployed.decision(key)) {
                            problems.add(name + ": " + process.getId() + " needs decision '" + key + "' (the application evaluates it) "
                                    + deployed.decisionMissing(key));
                        }
                    }
                }
            }
        });
        return new Report(List.copyOf(problems), List.copyOf(borrowed.values()));
    }

    /** A new version needs a tag of its own: the tag of the latest version again would hide which version runs. */
    private static void checkVersionTag(String name, byte[] bytes, Process process, CommandContext commandContext, List<String> problems) {
        String tag = process.getCamundaVersionTag();
        if (tag == null || tag.isBlank()) {
            return;
        }
        ProcessDefinitionEntity latest = withoutAuthorization(commandContext,
                () -> commandContext.getProcessDefinitionManager().findLatestProcessDefinitionByKey(process.getId()));
        if (latest == null || !tag.equals(latest.getVersionTag())) {
            return;
        }
        ResourceEntity deployed = withoutAuthorization(commandContext, () -> commandContext.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName()));
        if (deployed == null || !java.util.Arrays.equals(deployed.getBytes(), bytes)) {
            problems.add(name + ": " + process.getId() + " camunda:versionTag '" + tag + "' is the tag of version " + latest.getVersion()
                    + " already: give this version its own (scripts/deploy sets it; in Modeler: General, Version tag)");
        }
    }

    private static <T> T withoutAuthorization(CommandContext commandContext, java.util.function.Supplier<T> query) {
        boolean checking = commandContext.isAuthorizationCheckEnabled();
        commandContext.disableAuthorizationCheck();
        try {
            return query.get();
        } finally {
            if (checking) {
                commandContext.enableAuthorizationCheck();
            }
        }
    }

    private static BpmnModelInstance readBpmn(String name, byte[] bytes, List<String> problems) {
        try {
            return Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            problems.add(name + ": (model) is no valid BPMN: " + e.getMessage());
            return null;
        }
    }

    private static DmnModelInstance readDmn(String name, byte[] bytes, List<String> problems) {
        try {
            return Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            problems.add(name + ": (model) is no valid DMN: " + e.getMessage());
            return null;
        }
    }

    private record Form(String resourceName, JsonNode root) {
    }

    /** Beans from the Spring context; forms and decisions from the set, else the latest deployed (then borrowed). */
    private final class Deployed implements ModelWiring.Lookup {

        private final CommandContext commandContext;
        private final Map<String, Form> forms;
        private final Map<String, String> decisions;
        private final Map<String, Borrowed> borrowed;
        private final Set<String> outputs;

        Deployed(CommandContext commandContext, Map<String, Form> forms, Map<String, String> decisions, Map<String, Borrowed> borrowed,
                 Set<String> outputs) {
            this.commandContext = commandContext;
            this.forms = forms;
            this.decisions = decisions;
            this.borrowed = borrowed;
            this.outputs = outputs;
        }

        @Override
        public Class<?> bean(String name) {
            if (!beans.containsBean(name)) {
                return null;
            }
            Class<?> type = beans.getType(name);
            return type == null ? Object.class : ClassUtils.getUserClass(type);
        }

        @Override
        public JsonNode form(String formRef) {
            Form form = forms.get(formRef);
            if (form != null) {
                return form.root();
            }
            CamundaFormDefinitionEntity definition = withoutAuthorization(
                    () -> commandContext.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formRef));
            Borrowed resource = borrow(definition);
            if (resource == null) {
                return null;
            }
            try {
                JsonNode root = json.readTree(resource.bytes());
                forms.put(formRef, new Form(resource.name(), root));
                return root;
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public String formLabel(String formRef) {
            Form form = forms.get(formRef);
            return form == null ? formRef : form.resourceName();
        }

        @Override
        public String formMissing(String formRef) {
            return "names a form that is neither in this deployment nor deployed (deploy forms/" + formRef + ".form with it)";
        }

        @Override
        public boolean decision(String key) {
            if (decisions.containsKey(key)) {
                return true;
            }
            ResourceDefinition definition = withoutAuthorization(
                    () -> commandContext.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key));
            Borrowed resource = borrow(definition);
            if (resource == null) {
                return false;
            }
            decisions.put(key, resource.name());
            try {
                Dmn.readModelFromStream(new ByteArrayInputStream(resource.bytes()))
                        .getModelElementsByType(Output.class).forEach(o -> outputs.add(o.getName()));
            } catch (RuntimeException e) {
                // the engine parsed it when it was deployed; its outputs only widen what candidateGroups may name
            }
            return true;
        }

        @Override
        public String decisionMissing(String key) {
            return "that is neither in this deployment nor deployed (deploy the DMN table with it)";
        }

        private Borrowed borrow(ResourceDefinition definition) {
            if (definition == null) {
                return null;
            }
            ResourceEntity resource = withoutAuthorization(() -> commandContext.getResourceManager()
                    .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName()));
            if (resource == null) {
                return null;
            }
            return borrowed.computeIfAbsent(resource.getName(), name -> new Borrowed(name, resource.getBytes()));
        }

        private <T> T withoutAuthorization(java.util.function.Supplier<T> query) {
            return DeploymentCheck.withoutAuthorization(commandContext, query);
        }
    }

    /** A problem as the engine's ParseException carries it (the REST API lists them under details). */
    private record GuardProblem(String message) implements Problem {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return -1;
        }

        @Override
        public int getColumn() {
            return -1;
        }

        @Override
        public String getMainElementId() {
            return null;
        }

        @Override
        public List<String> getElementIds() {
            return List.of();
        }
    }
}
