package com.complaintdesk.models;

import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Variable;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.legal.LegalVariables;
import com.complaintdesk.referral.ReferralVariables;
import com.complaintdesk.settlement.SettlementVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What a BPMN model needs so that the work it orders can be done: every bean it calls exists (and has the method it
 * calls), every user task says which department works it, has a form and (in the processes with a task schedule) its
 * reminders, every form and decision it names can be
 * found, and every field of those forms is a process variable. One checker for the build (ModelConventionsTest reads
 * processes/ and forms/) and for the engine (the deployment guard reads the deployment and what is already deployed);
 * only where the beans, forms and decisions are looked up differs ({@link Lookup}).
 */
final class ModelWiring {

    /** The Camunda group ids of the departments (the identity seeder creates them). */
    static final Set<String> GROUP_IDS = Set.copyOf(Departments.ALL);

    static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{(\\w+)}$");
    static final Pattern BEAN_METHOD_EXPRESSION = Pattern.compile("^\\$\\{(\\w+)\\.(\\w+)\\((\\w*)\\)}$");

    /** The create listener that gives a user task its reminders (notification/TaskReminders). */
    static final String REMINDERS = "${taskReminders.schedule(task)}";

    /** The processes whose user tasks get due dates from the task schedule (deadline/TaskDeadlines) and reminders. */
    static final Set<String> SCHEDULED_PROCESSES = Set.of(Processes.LIFECYCLE_KEY, Processes.SETTLEMENT_EXECUTION_KEY);

    /** Form components that show something but submit no variable. */
    private static final Set<String> VIEW_COMPONENTS = Set.of(
            "text", "html", "image", "spacer", "separator", "iframe", "table", "button", "group", "dynamiclist");

    /** Where the checker finds beans, forms and decisions. */
    interface Lookup {

        /** The class of the Spring bean of that name, null when there is none. */
        Class<?> bean(String name);

        /** The form with that id (its JSON), null when there is none. */
        JsonNode form(String formRef);

        /** Where the form was looked for or found, for messages: "forms/x.form". */
        String formLabel(String formRef);

        /** The end of the message for a form that was not found: "has no forms/x.form". */
        String formMissing(String formRef);

        /** Whether a decision of that key can be found. */
        boolean decision(String key);

        /** The end of the message for a decision that was not found. */
        String decisionMissing(String key);
    }

    /** One problem: the element it concerns and what is wrong. */
    record Finding(String elementId, String message) {

        String line(String file) {
            return file + ": " + elementId + " " + message;
        }
    }

    private final Lookup lookup;
    private final Set<String> variableNames;
    private final Set<String> decisionOutputs;

    ModelWiring(Lookup lookup, Set<String> variableNames, Set<String> decisionOutputs) {
        this.lookup = lookup;
        this.variableNames = variableNames;
        this.decisionOutputs = decisionOutputs;
    }

    /** The variable descriptors of every process, grouped per process (see {@link Variable}). */
    static final List<Class<?>> VARIABLE_GROUPS = List.of(Lifecycle.class, SettlementVariables.class, LegalVariables.class,
            ReferralVariables.class);

    /** The names a form field or an expression may use: the names of the variable descriptors. */
    static Set<String> lifecycleVariables() {
        Set<String> names = new TreeSet<>();
        for (Variable<?> variable : descriptors()) {
            names.add(variable.name());
        }
        return names;
    }

    /** Every variable descriptor of {@link #VARIABLE_GROUPS}. */
    static List<Variable<?>> descriptors() {
        List<Variable<?>> descriptors = new ArrayList<>();
        for (Class<?> group : VARIABLE_GROUPS) {
            for (Field field : group.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Variable.class) {
                    descriptors.add((Variable<?>) staticValue(field));
                }
            }
        }
        return descriptors;
    }

    private static Object staticValue(Field field) {
        try {
            field.setAccessible(true);
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Finding> check(BpmnModelInstance model) {
        List<Finding> findings = new ArrayList<>();
        checkBeans(model, findings);
        checkUserTasks(model, findings);
        for (StartEvent start : all(model, StartEvent.class)) {
            checkFormRef(start, start.getCamundaFormRef(), findings);
        }
        for (BusinessRuleTask task : all(model, BusinessRuleTask.class)) {
            String key = task.getCamundaDecisionRef();
            if (key != null && !key.contains("${") && !lookup.decision(key)) {
                findings.add(new Finding(task.getId(), "decisionRef '" + key + "' " + lookup.decisionMissing(key)));
            }
        }
        return findings;
    }

    private void checkBeans(BpmnModelInstance model, List<Finding> findings) {
        for (ServiceTask task : all(model, ServiceTask.class)) {
            if (task.getCamundaDelegateExpression() != null) {
                checkDelegateBean(task, task.getCamundaDelegateExpression(), findings);
            }
        }
        for (CamundaExecutionListener listener : all(model, CamundaExecutionListener.class)) {
            checkListener(owner(listener), "execution listener", listener.getCamundaDelegateExpression(),
                    listener.getCamundaExpression(), "execution", DelegateExecution.class, findings);
        }
        for (CamundaTaskListener listener : all(model, CamundaTaskListener.class)) {
            checkListener(owner(listener), "task listener", listener.getCamundaDelegateExpression(),
                    listener.getCamundaExpression(), "task", DelegateTask.class, findings);
        }
    }

    private void checkDelegateBean(BaseElement element, String expression, List<Finding> findings) {
        Matcher matcher = BEAN_EXPRESSION.matcher(expression);
        if (!matcher.matches()) {
            findings.add(new Finding(element.getId(), "delegateExpression '" + expression + "' is not of the form ${beanName}"));
            return;
        }
        Class<?> bean = lookup.bean(matcher.group(1));
        if (bean == null) {
            findings.add(new Finding(element.getId(), "delegateExpression '" + expression + "' names no Spring bean (no @Component(\""
                    + matcher.group(1) + "\") in com.complaintdesk)"));
        } else if (!JavaDelegate.class.isAssignableFrom(bean)) {
            findings.add(new Finding(element.getId(), "delegateExpression '" + expression + "' names " + bean.getSimpleName()
                    + ", which is no JavaDelegate"));
        }
    }

    private void checkListener(BaseElement owner, String kind, String delegateExpression, String expression,
                               String argument, Class<?> argumentType, List<Finding> findings) {
        if (delegateExpression != null) {
            Matcher matcher = BEAN_EXPRESSION.matcher(delegateExpression);
            if (!matcher.matches() || lookup.bean(matcher.group(1)) == null) {
                findings.add(new Finding(owner.getId(), kind + " delegateExpression '" + delegateExpression + "' names no Spring bean"));
            }
        } else if (expression != null) {
            Matcher matcher = BEAN_METHOD_EXPRESSION.matcher(expression);
            if (!matcher.matches()) {
                findings.add(new Finding(owner.getId(), kind + " expression '" + expression + "' is not of the form ${bean.method("
                        + argument + ")}"));
                return;
            }
            Class<?> bean = lookup.bean(matcher.group(1));
            if (bean == null) {
                findings.add(new Finding(owner.getId(), kind + " expression '" + expression + "' names no Spring bean '"
                        + matcher.group(1) + "'"));
            } else if (!hasPublicMethod(bean, matcher.group(2), argumentType)) {
                findings.add(new Finding(owner.getId(), kind + " expression '" + expression + "': " + bean.getSimpleName()
                        + " has no public method " + matcher.group(2) + "(" + argumentType.getSimpleName() + ")"));
            }
        }
    }

    private static boolean hasPublicMethod(Class<?> type, String name, Class<?> argument) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name) && Modifier.isPublic(m.getModifiers()))
                .map(Method::getParameterTypes)
                .anyMatch(p -> p.length == 1 && p[0].isAssignableFrom(argument));
    }

    private void checkUserTasks(BpmnModelInstance model, List<Finding> findings) {
        Set<String> elementVariables = new TreeSet<>();
        for (MultiInstanceLoopCharacteristics mi : all(model, MultiInstanceLoopCharacteristics.class)) {
            if (mi.getCamundaElementVariable() != null) {
                elementVariables.add(mi.getCamundaElementVariable());
            }
        }
        for (CamundaTaskListener listener : all(model, CamundaTaskListener.class)) {
            if (TaskListener.EVENTNAME_TIMEOUT.equals(listener.getCamundaEvent())) {
                findings.add(new Finding(owner(listener).getId(), "has a timeout task listener: a migration strips those until a restart "
                        + "(camunda-bpm-platform 4633/4637); reminders come from the create listener " + REMINDERS));
            }
        }
        for (UserTask task : all(model, UserTask.class)) {
            if (inScheduledProcess(task) && !hasReminders(task)) {
                findings.add(new Finding(task.getId(), "has no reminders: add the create task listener " + REMINDERS));
            }
            String groups = task.getCamundaCandidateGroups();
            if (groups == null || groups.isBlank()) {
                findings.add(new Finding(task.getId(), "has no camunda:candidateGroups: say which department works it"));
            } else {
                for (String group : groups.split(",")) {
                    group = group.trim();
                    Matcher expression = BEAN_EXPRESSION.matcher(group);
                    if (expression.matches()) {
                        String variable = expression.group(1);
                        if (!decisionOutputs.contains(variable) && !variableNames.contains(variable) && !elementVariables.contains(variable)) {
                            findings.add(new Finding(task.getId(), "candidateGroups '" + group + "' is neither a DMN output nor a process variable"));
                        }
                    } else if (!GROUP_IDS.contains(group)) {
                        findings.add(new Finding(task.getId(), "candidateGroups '" + group + "' is no group id ("
                                + String.join(", ", new TreeSet<>(GROUP_IDS)) + ")"));
                    }
                }
            }
            if (task.getCamundaFormRef() == null) {
                findings.add(new Finding(task.getId(), "has no camunda:formRef (a Camunda Form in forms/)"));
            } else {
                checkFormRef(task, task.getCamundaFormRef(), findings);
            }
        }
    }

    private static boolean inScheduledProcess(UserTask task) {
        ModelElementInstance current = task.getParentElement();
        while (current != null && !(current instanceof Process)) {
            current = current.getParentElement();
        }
        return current != null && SCHEDULED_PROCESSES.contains(((Process) current).getId());
    }

    private static boolean hasReminders(UserTask task) {
        return task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
                .filterByType(CamundaTaskListener.class).list().stream()
                .anyMatch(l -> TaskListener.EVENTNAME_CREATE.equals(l.getCamundaEvent()) && REMINDERS.equals(l.getCamundaExpression()));
    }

    private void checkFormRef(BaseElement element, String formRef, List<Finding> findings) {
        if (formRef == null) {
            return;
        }
        JsonNode root = lookup.form(formRef);
        String label = lookup.formLabel(formRef);
        if (root == null) {
            findings.add(new Finding(element.getId(), "formRef '" + formRef + "' " + lookup.formMissing(formRef)));
            return;
        }
        if (!formRef.equals(root.path("id").asText(null))) {
            findings.add(new Finding(element.getId(), "formRef '" + formRef + "': " + label + " has id '" + root.path("id").asText(null)
                    + "', not '" + formRef + "'"));
        }
        for (JsonNode field : inputFields(root)) {
            String key = field.path("key").asText();
            if (!variableNames.contains(key)) {
                findings.add(new Finding(element.getId(), "formRef '" + formRef + "': field '" + field.path("id").asText() + "' of "
                        + label + " has key '" + key + "', which is no variable (no descriptor has that name)"));
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

    private static <T extends ModelElementInstance> Collection<T> all(BpmnModelInstance model, Class<T> type) {
        return model.getModelElementsByType(type);
    }

    /** The nearest enclosing element with an id: the task of a listener, the flow of a condition. */
    static BaseElement owner(ModelElementInstance element) {
        ModelElementInstance current = element.getParentElement();
        while (current != null && !(current instanceof BaseElement)) {
            current = current.getParentElement();
        }
        return (BaseElement) current;
    }
}
