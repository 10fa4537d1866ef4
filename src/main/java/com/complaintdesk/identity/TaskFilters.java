package com.complaintdesk.identity;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Lifecycle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters: "我的任务 My tasks" for everyone, and one per department showing the tasks the department is
 * a candidate for (claimed ones included). Each list shows the complaint number, category, priority and department,
 * highest priority first, then soonest due. A filter is created only if no filter of its name exists, so filters edited
 * in Tasklist are left as they are.
 *
 * <p>Tasklist opens the first filter of its list (lowest {@code priority}) after login: each user's own department
 * comes first (complaint managers' own filter before the departments they oversee), "My tasks" last.
 */
@Component
@Profile("demo")
class TaskFilters {

    private static final Logger log = LoggerFactory.getLogger(TaskFilters.class);

    static final String MY_TASKS = BundleWords.both("filter.myTasks");

    /** A filter to be: its name, what Tasklist shows about it, whose tasks it lists and which groups may use it. */
    record Definition(String name, String description, String color, int priority, String candidateGroup,
                      List<String> readerGroups) {

        /** Everyone may use a filter without reader groups (a global authorization). */
        boolean forEveryone() {
            return readerGroups.isEmpty();
        }
    }

    /** A filter that exists, with its id. */
    record Saved(String id, Definition definition) {
    }

    static final List<Definition> DEFINITIONS = List.of(
            new Definition(MY_TASKS, BundleWords.both("filter.myTasks.description"), "#1f6fb2", 100, null, List.of()),
            department(Departments.CUSTOMER_SERVICE, BundleWords.both("filter.customerService.description"),
                    "#2e8b57", 10),
            department(Departments.TECHNICAL_SUPPORT, BundleWords.both("filter.technicalSupport.description"),
                    "#4682b4", 20),
            department(Departments.COMPLIANCE_LEGAL, BundleWords.both("filter.complianceLegal.description"),
                    "#8b1a1a", 30),
            department(Departments.MARKETING_BRAND, BundleWords.both("filter.marketingBrand.description"),
                    "#d2691e", 40),
            new Definition(Departments.name(Departments.COMPLAINT_MANAGERS),
                    BundleWords.both("filter.complaintManagers.description"), "#6a3d9a", 0,
                    Departments.COMPLAINT_MANAGERS, List.of(Departments.COMPLAINT_MANAGERS)));

    /**
     * The variables each list shows beside the task name: name and label. Category, priority and department are the
     * task-local words the key-facts summary writes on every task (complaint/ComplaintSummaries), not the codes.
     */
    static final Map<String, String> LIST_VARIABLES = orderedMap(
            Lifecycle.COMPLAINT_NUMBER.name(), BundleWords.both("filter.column.complaintNumber"),
            Lifecycle.CATEGORY_LABEL.name(), BundleWords.both("filter.column.category"),
            Lifecycle.PRIORITY_LABEL.name(), BundleWords.both("filter.column.priority"),
            Lifecycle.DEPARTMENT_LABEL.name(), BundleWords.both("filter.column.department"));

    /** The codes an earlier version listed; a filter still listing exactly these gets {@link #LIST_VARIABLES}. */
    private static final List<String> CODE_VARIABLES = List.of(Lifecycle.COMPLAINT_NUMBER.name(), Lifecycle.CATEGORY.name(), Lifecycle.PRIORITY.name(), Lifecycle.DEPARTMENT.name());

    private final FilterService filterService;
    private final TaskService taskService;
    private final String ownerId;

    TaskFilters(FilterService filterService, TaskService taskService, CamundaBpmProperties camunda) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.ownerId = camunda.getAdminUser() == null || camunda.getAdminUser().getId() == null
                ? "admin" : camunda.getAdminUser().getId();
    }

    /** Creates the filters that do not exist yet (by name); returns every one of them with its id. */
    List<Saved> ensureFilters() {
        return DEFINITIONS.stream().map(this::ensure).toList();
    }

    private Saved ensure(Definition definition) {
        List<Filter> existing = filterService.createFilterQuery().filterName(definition.name()).orderByFilterId().asc().list();
        if (!existing.isEmpty()) {
            listWords(existing.get(0));
            return new Saved(existing.get(0).getId(), definition);
        }
        Filter filter = filterService.newTaskFilter(definition.name())
                .setOwner(ownerId)
                .setQuery(query(definition))
                .setProperties(properties(definition));
        filterService.saveFilter(filter);
        log.info("Created Tasklist filter '{}'", definition.name());
        return new Saved(filter.getId(), definition);
    }

    /** A filter left as an earlier version made it, listing the codes, lists the words instead; edited ones stay. */
    private void listWords(Filter filter) {
        Object variables = filter.getProperties() == null ? null : filter.getProperties().get("variables");
        if (!(variables instanceof List<?> list) || !CODE_VARIABLES.equals(list.stream()
                .map(v -> v instanceof Map<?, ?> m ? m.get("name") : null).toList())) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
        properties.put("variables", listVariables());
        filterService.saveFilter(filter.setProperties(properties));
        log.info("Tasklist filter '{}' lists category, priority and department in words", filter.getName());
    }

    private TaskQuery query(Definition definition) {
        TaskQuery query = taskService.createTaskQuery();
        if (definition.candidateGroup() == null) {
            query.taskAssigneeExpression("${currentUser()}");
        } else {
            query.taskCandidateGroup(definition.candidateGroup()).includeAssignedTasks();
        }
        // urgent first (the routing priority sets the engine priority, triage/TaskPriorities), then soonest due;
        // Tasklist's own sort control can still re-sort a list
        return query.orderByTaskPriority().desc().orderByDueDate().asc();
    }

    private static Map<String, Object> properties(Definition definition) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", definition.description());
        properties.put("color", definition.color());
        properties.put("priority", definition.priority());
        properties.put("refresh", true);
        properties.put("variables", listVariables());
        return properties;
    }

    private static List<Map<String, String>> listVariables() {
        return LIST_VARIABLES.entrySet().stream()
                .map(variable -> Map.of("name", variable.getKey(), "label", variable.getValue()))
                .toList();
    }

    private static Definition department(String groupId, String description, String color, int priority) {
        return new Definition(Departments.name(groupId), description, color, priority, groupId,
                List.of(groupId, Departments.COMPLAINT_MANAGERS));
    }

    private static Map<String, String> orderedMap(String... namesAndLabels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndLabels.length; i += 2) {
            map.put(namesAndLabels[i], namesAndLabels[i + 1]);
        }
        return map;
    }
}
