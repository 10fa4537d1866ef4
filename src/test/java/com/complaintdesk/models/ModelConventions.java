package com.complaintdesk.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The house conventions for the models in processes/ and the forms in forms/, checked without starting Spring or an
 * engine: wiring only through Spring beans that exist, form references that resolve to forms whose field keys are
 * process variable names, candidate groups that exist, a history time to live everywhere, and ids and names a
 * process owner can read. Each problem is one message that names the file and the element.
 */
final class ModelConventions {

    /** The Camunda group ids of the departments (the identity seeder creates them). */
    static final Set<String> GROUP_IDS = ModelWiring.GROUP_IDS;

    /** Ids as Camunda Modeler, bpmn-js or Signavio generate them: Activity_0x7k2pq, StartEvent_1, sid-…. */
    static final Pattern GENERATED_ID = Pattern.compile(
            "^[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$|^[A-Za-z]+_[0-9]+$|^sid-.*");


    private final Map<String, Class<?>> beans;
    private final Set<String> variableNames;
    private final Path formsDir;
    private final Set<String> decisionOutputs;
    private final Set<String> decisionKeys;
    private final ObjectMapper json = new ObjectMapper();

    ModelConventions(Map<String, Class<?>> beans, Set<String> variableNames, Path formsDir, Set<String> decisionOutputs) {
        this(beans, variableNames, formsDir, decisionOutputs, Set.of());
    }

    ModelConventions(Map<String, Class<?>> beans, Set<String> variableNames, Path formsDir, Set<String> decisionOutputs,
                     Set<String> decisionKeys) {
        this.beans = beans;
        this.variableNames = variableNames;
        this.formsDir = formsDir;
        this.decisionOutputs = decisionOutputs;
        this.decisionKeys = decisionKeys;
    }

    /** The conventions of this project: its beans, the variable descriptors, forms/ and the outputs of processes/*.dmn. */
    static ModelConventions ofProject(Path projectDir) throws IOException {
        Set<String> outputs = new TreeSet<>();
        Set<String> keys = new TreeSet<>();
        for (Path dmn : files(projectDir.resolve("processes"), ".dmn")) {
            try (InputStream in = Files.newInputStream(dmn)) {
                DmnModelInstance model = Dmn.readModelFromStream(in);
                model.getModelElementsByType(Output.class).forEach(o -> outputs.add(o.getName()));
                model.getModelElementsByType(Decision.class).forEach(d -> keys.add(d.getId()));
            }
        }
        return new ModelConventions(springBeans("com.complaintdesk"), lifecycleVariables(), projectDir.resolve("forms"), outputs, keys);
    }

    /** Bean name to class of every @Component (or @Service, …) under the package, named as Spring names them. */
    static Map<String, Class<?>> springBeans(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
        SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
        Map<String, Class<?>> beans = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            String name = names.generateBeanName((AnnotatedBeanDefinition) candidate, registry);
            try {
                beans.put(name, Class.forName(candidate.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return beans;
    }

    /** The names of the variable descriptors. */
    static Set<String> lifecycleVariables() {
        return ModelWiring.lifecycleVariables();
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    // ---- BPMN ----

    List<String> checkBpmn(String file, InputStream xml) {
        BpmnModelInstance model = Bpmn.readModelFromStream(xml);
        Problems problems = new Problems(file);

        for (Process process : all(model, Process.class)) {
            if (blank(process.getCamundaHistoryTimeToLiveString())) {
                problems.add(process, "has no camunda:historyTimeToLive");
            }
        }
        for (BaseElement element : all(model, BaseElement.class)) {
            if (element.getId() != null && GENERATED_ID.matcher(element.getId()).matches()) {
                problems.add(element, "has a generated id: give it a meaningful one (Task_…, Gateway_…, Flow_…)");
            }
        }
        checkNames(model, problems);
        checkWiring(model, problems);
        return problems.list;
    }

    private void checkNames(BpmnModelInstance model, Problems problems) {
        for (FlowNode node : all(model, FlowNode.class)) {
            boolean shown = node instanceof Activity || node instanceof Event
                    || (node instanceof Gateway && node.getOutgoing().size() > 1);
            if (shown && blank(node.getName())) {
                problems.add(node, "has no name");
            }
        }
        for (SequenceFlow flow : all(model, SequenceFlow.class)) {
            // an event-based gateway's flows lead to named events, which say what each branch waits for
            if (flow.getSource() instanceof Gateway && !(flow.getSource() instanceof EventBasedGateway)
                    && flow.getSource().getOutgoing().size() > 1 && blank(flow.getName())) {
                problems.add(flow, "leaves split " + flow.getSource().getId() + " but has no name");
            }
        }
        for (Participant participant : all(model, Participant.class)) {
            if (blank(participant.getName())) {
                problems.add(participant, "has no name");
            }
        }
        for (Lane lane : all(model, Lane.class)) {
            if (blank(lane.getName())) {
                problems.add(lane, "has no name");
            }
        }
    }

    private void checkWiring(BpmnModelInstance model, Problems problems) {
        for (ScriptTask task : all(model, ScriptTask.class)) {
            problems.add(task, "is a script task: put the logic in a tested Spring bean (delegateExpression)");
        }
        for (CamundaScript script : all(model, CamundaScript.class)) {
            problems.add(owner(script), "has an inline camunda:script: put the logic in a tested Spring bean");
        }
        for (ConditionExpression condition : all(model, ConditionExpression.class)) {
            if (!blank(condition.getLanguage())) {
                problems.add(owner(condition), "has a script condition (language '" + condition.getLanguage() + "'): use an expression");
            }
        }
        for (ServiceTask task : all(model, ServiceTask.class)) {
            if (task.getCamundaClass() != null) {
                problems.add(task, "uses camunda:class '" + task.getCamundaClass() + "': use camunda:delegateExpression with a Spring bean");
            } else if (task.getCamundaDelegateExpression() == null) {
                problems.add(task, "has no camunda:delegateExpression (expression, external or connector wiring is not our style)");
            }
        }
        for (CamundaExecutionListener listener : all(model, CamundaExecutionListener.class)) {
            if (listener.getCamundaClass() != null) {
                problems.add(owner(listener), "execution listener uses camunda:class '" + listener.getCamundaClass() + "': call a Spring bean instead");
            }
        }
        for (CamundaTaskListener listener : all(model, CamundaTaskListener.class)) {
            if (listener.getCamundaClass() != null) {
                problems.add(owner(listener), "task listener uses camunda:class '" + listener.getCamundaClass() + "': call a Spring bean instead");
            }
        }
        // what the engine's deployment guard checks too: beans, groups, forms and their fields, decisions
        new ModelWiring(new ProjectFiles(), variableNames, decisionOutputs).check(model)
                .forEach(finding -> problems.add(finding.elementId(), finding.message()));
    }

    /** Beans found by scanning com.complaintdesk, forms in forms/, decisions in processes/*.dmn. */
    private final class ProjectFiles implements ModelWiring.Lookup {

        @Override
        public Class<?> bean(String name) {
            return beans.get(name);
        }

        @Override
        public JsonNode form(String formRef) {
            Path form = formsDir.resolve(formRef + ".form");
            if (!Files.isRegularFile(form)) {
                return null;
            }
            try {
                return json.readTree(form.toFile());
            } catch (IOException e) {
                return json.createObjectNode().put("id", "(no JSON: " + e.getMessage() + ")");
            }
        }

        @Override
        public String formLabel(String formRef) {
            return "forms/" + formRef + ".form";
        }

        @Override
        public String formMissing(String formRef) {
            return "has no forms/" + formRef + ".form";
        }

        @Override
        public boolean decision(String key) {
            return decisionKeys.contains(key);
        }

        @Override
        public String decisionMissing(String key) {
            return "is no decision in processes/*.dmn";
        }
    }

    // ---- DMN ----

    List<String> checkDmn(String file, InputStream xml) {
        DmnModelInstance model = Dmn.readModelFromStream(xml);
        Problems problems = new Problems(file);
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            if (blank(decision.getCamundaHistoryTimeToLiveString())) {
                problems.add(decision.getId(), "has no camunda:historyTimeToLive");
            }
            if (blank(decision.getName())) {
                problems.add(decision.getId(), "has no name");
            }
        }
        for (DmnElement element : model.getModelElementsByType(DmnElement.class)) {
            if (element.getId() != null && GENERATED_ID.matcher(element.getId()).matches()) {
                problems.add(element.getId(), "has a generated id: give it a meaningful one (Rule_…, InputClause_…)");
            }
        }
        return problems.list;
    }

    // ---- helpers ----

    private static <T extends ModelElementInstance> Collection<T> all(BpmnModelInstance model, Class<T> type) {
        return model.getModelElementsByType(type);
    }

    /** The nearest enclosing element with an id: the task of a listener, the flow of a condition. */
    private static BaseElement owner(ModelElementInstance element) {
        ModelElementInstance current = element.getParentElement();
        while (current != null && !(current instanceof BaseElement)) {
            current = current.getParentElement();
        }
        return (BaseElement) current;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Messages of one file: "complaint-lifecycle.bpmn: Task_X formRef 'foo' has no forms/foo.form". */
    private static final class Problems {

        final String file;
        final List<String> list = new ArrayList<>();

        Problems(String file) {
            this.file = file;
        }

        void add(BaseElement element, String problem) {
            add(element == null ? "(model)" : element.getId(), problem);
        }

        void add(String elementId, String problem) {
            list.add(file + ": " + elementId + " " + problem);
        }
    }
}
