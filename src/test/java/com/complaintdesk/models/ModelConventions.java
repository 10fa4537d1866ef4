package com.complaintdesk.models;

import com.complaintdesk.complaint.LifecycleVariables;
import com.complaintdesk.identity.Departments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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
    static final Set<String> GROUP_IDS = Set.copyOf(Departments.ALL);

    /** Ids as Camunda Modeler, bpmn-js or Signavio generate them: Activity_0x7k2pq, StartEvent_1, sid-…. */
    static final Pattern GENERATED_ID = Pattern.compile(
            "^[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$|^[A-Za-z]+_[0-9]+$|^sid-.*");

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{(\\w+)}$");
    private static final Pattern BEAN_METHOD_EXPRESSION = Pattern.compile("^\\$\\{(\\w+)\\.(\\w+)\\((\\w*)\\)}$");

    /** Form components that show something but submit no variable. */
    private static final Set<String> VIEW_COMPONENTS = Set.of(
            "text", "html", "image", "spacer", "separator", "iframe", "table", "button", "group", "dynamiclist");

    private final Map<String, Class<?>> beans;
    private final Set<String> variableNames;
    private final Path formsDir;
    private final Set<String> decisionOutputs;
    private final ObjectMapper json = new ObjectMapper();

    ModelConventions(Map<String, Class<?>> beans, Set<String> variableNames, Path formsDir, Set<String> decisionOutputs) {
        this.beans = beans;
        this.variableNames = variableNames;
        this.formsDir = formsDir;
        this.decisionOutputs = decisionOutputs;
    }

    /** The conventions of this project: its beans, LifecycleVariables, forms/ and the outputs of processes/*.dmn. */
    static ModelConventions ofProject(Path projectDir) throws IOException {
        Set<String> outputs = new TreeSet<>();
        for (Path dmn : files(projectDir.resolve("processes"), ".dmn")) {
            try (InputStream in = Files.newInputStream(dmn)) {
                Dmn.readModelFromStream(in).getModelElementsByType(Output.class).forEach(o -> outputs.add(o.getName()));
            }
        }
        return new ModelConventions(springBeans("com.complaintdesk"), lifecycleVariables(), projectDir.resolve("forms"), outputs);
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

    /** The values of the String constants of LifecycleVariables. */
    static Set<String> lifecycleVariables() {
        Set<String> names = new TreeSet<>();
        for (Field field : LifecycleVariables.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    field.setAccessible(true);
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
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
        checkUserTasks(model, problems);
        for (StartEvent start : all(model, StartEvent.class)) {
            checkFormRef(start, start.getCamundaFormRef(), problems);
        }
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
            } else {
                checkDelegateBean(task, task.getCamundaDelegateExpression(), problems);
            }
        }
        for (CamundaExecutionListener listener : all(model, CamundaExecutionListener.class)) {
            checkListener(owner(listener), "execution listener", listener.getCamundaClass(), listener.getCamundaDelegateExpression(),
                    listener.getCamundaExpression(), "execution", DelegateExecution.class, problems);
        }
        for (CamundaTaskListener listener : all(model, CamundaTaskListener.class)) {
            checkListener(owner(listener), "task listener", listener.getCamundaClass(), listener.getCamundaDelegateExpression(),
                    listener.getCamundaExpression(), "task", DelegateTask.class, problems);
        }
    }

    private void checkDelegateBean(BaseElement element, String expression, Problems problems) {
        Matcher matcher = BEAN_EXPRESSION.matcher(expression);
        if (!matcher.matches()) {
            problems.add(element, "delegateExpression '" + expression + "' is not of the form ${beanName}");
            return;
        }
        Class<?> bean = beans.get(matcher.group(1));
        if (bean == null) {
            problems.add(element, "delegateExpression '" + expression + "' names no Spring bean (no @Component(\"" + matcher.group(1)
                    + "\") in com.complaintdesk)");
        } else if (!JavaDelegate.class.isAssignableFrom(bean)) {
            problems.add(element, "delegateExpression '" + expression + "' names " + bean.getSimpleName() + ", which is no JavaDelegate");
        }
    }

    private void checkListener(BaseElement owner, String kind, String camundaClass, String delegateExpression, String expression,
                               String argument, Class<?> argumentType, Problems problems) {
        if (camundaClass != null) {
            problems.add(owner, kind + " uses camunda:class '" + camundaClass + "': call a Spring bean instead");
        } else if (delegateExpression != null) {
            Matcher matcher = BEAN_EXPRESSION.matcher(delegateExpression);
            if (!matcher.matches() || !beans.containsKey(matcher.group(1))) {
                problems.add(owner, kind + " delegateExpression '" + delegateExpression + "' names no Spring bean");
            }
        } else if (expression != null) {
            Matcher matcher = BEAN_METHOD_EXPRESSION.matcher(expression);
            if (!matcher.matches()) {
                problems.add(owner, kind + " expression '" + expression + "' is not of the form ${bean.method(" + argument + ")}");
                return;
            }
            Class<?> bean = beans.get(matcher.group(1));
            if (bean == null) {
                problems.add(owner, kind + " expression '" + expression + "' names no Spring bean '" + matcher.group(1) + "'");
            } else if (!hasPublicMethod(bean, matcher.group(2), argumentType)) {
                problems.add(owner, kind + " expression '" + expression + "': " + bean.getSimpleName() + " has no public method "
                        + matcher.group(2) + "(" + argumentType.getSimpleName() + ")");
            }
        }
    }

    private static boolean hasPublicMethod(Class<?> type, String name, Class<?> argument) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()))
                .map(Method::getParameterTypes)
                .anyMatch(p -> p.length == 1 && p[0].isAssignableFrom(argument));
    }

    private void checkUserTasks(BpmnModelInstance model, Problems problems) {
        Set<String> elementVariables = new TreeSet<>();
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics.class)
                .forEach(mi -> {
                    if (mi.getCamundaElementVariable() != null) {
                        elementVariables.add(mi.getCamundaElementVariable());
                    }
                });
        for (UserTask task : all(model, UserTask.class)) {
            String groups = task.getCamundaCandidateGroups();
            if (blank(groups)) {
                problems.add(task, "has no camunda:candidateGroups: say which department works it");
            } else {
                for (String group : groups.split(",")) {
                    group = group.trim();
                    Matcher expression = BEAN_EXPRESSION.matcher(group);
                    if (expression.matches()) {
                        String variable = expression.group(1);
                        if (!decisionOutputs.contains(variable) && !variableNames.contains(variable) && !elementVariables.contains(variable)) {
                            problems.add(task, "candidateGroups '" + group + "' is neither a DMN output nor a process variable");
                        }
                    } else if (!GROUP_IDS.contains(group)) {
                        problems.add(task, "candidateGroups '" + group + "' is no group id (" + String.join(", ", new TreeSet<>(GROUP_IDS)) + ")");
                    }
                }
            }
            checkFormRef(task, task.getCamundaFormRef(), problems);
        }
    }

    private void checkFormRef(BaseElement element, String formRef, Problems problems) {
        if (formRef == null) {
            if (element instanceof UserTask) {
                problems.add(element, "has no camunda:formRef (a Camunda Form in forms/)");
            }
            return;
        }
        Path form = formsDir.resolve(formRef + ".form");
        if (!Files.isRegularFile(form)) {
            problems.add(element, "formRef '" + formRef + "' has no forms/" + formRef + ".form");
            return;
        }
        JsonNode root;
        try {
            root = json.readTree(form.toFile());
        } catch (IOException e) {
            problems.add(element, "formRef '" + formRef + "': forms/" + formRef + ".form is no JSON (" + e.getMessage() + ")");
            return;
        }
        if (!formRef.equals(root.path("id").asText(null))) {
            problems.add(element, "formRef '" + formRef + "': forms/" + formRef + ".form has id '" + root.path("id").asText(null)
                    + "', not '" + formRef + "'");
        }
        for (JsonNode field : inputFields(root)) {
            String key = field.path("key").asText();
            if (!variableNames.contains(key)) {
                problems.add(element, "formRef '" + formRef + "': field '" + field.path("id").asText() + "' of forms/" + formRef
                        + ".form has key '" + key + "', which is no variable in LifecycleVariables");
            }
        }
    }

    private static List<JsonNode> inputFields(JsonNode container) {
        List<JsonNode> fields = new ArrayList<>();
        for (JsonNode component : container.path("components")) {
            if (component.has("key") && !VIEW_COMPONENTS.contains(component.path("type").asText())) {
                fields.add(component);
            }
            fields.addAll(inputFields(component));
        }
        return fields;
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
