package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ComplaintDeskSpringTest
class TaskFiltersTest {

    /** Department filter name → its candidate group. */
    private static final Map<String, String> DEPARTMENT_FILTERS = new LinkedHashMap<>();

    static {
        DEPARTMENT_FILTERS.put("客户服务部 Customer service", Departments.CUSTOMER_SERVICE);
        DEPARTMENT_FILTERS.put("技术支持部 Technical support", Departments.TECHNICAL_SUPPORT);
        DEPARTMENT_FILTERS.put("合规与法务部 Compliance & legal", Departments.COMPLIANCE_LEGAL);
        DEPARTMENT_FILTERS.put("市场与品牌部 Marketing & brand", Departments.MARKETING_BRAND);
        DEPARTMENT_FILTERS.put("投诉主管 Complaint managers", Departments.COMPLAINT_MANAGERS);
    }

    @Autowired FilterService filterService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired TaskFilters taskFilters;

    private final List<String> createdTasks = new ArrayList<>();

    @AfterEach
    void deleteCreatedTasks() {
        identityService.clearAuthentication();
        createdTasks.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    void everyFilterExistsOnceOwnedByTheAdminWithTheListColumns() {
        List<String> names = new ArrayList<>(DEPARTMENT_FILTERS.keySet());
        names.add(0, "我的任务 My tasks");
        for (String name : names) {
            Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
            assertThat(filter).as(name).isNotNull();
            assertThat(filter.getOwner()).isEqualTo("admin");
            assertThat(filter.getProperties())
                    .containsEntry("refresh", true)
                    .containsKeys("description", "color", "priority");
            assertThat((String) filter.getProperties().get("description")).matches("^\\p{IsHan}.*[A-Za-z].*");
            @SuppressWarnings("unchecked")
            List<Map<String, String>> variables = (List<Map<String, String>>) filter.getProperties().get("variables");
            assertThat(variables).containsExactly(
                    Map.of("name", "complaintNumber", "label", "投诉编号 Complaint number"),
                    Map.of("name", "categoryLabel", "label", "类别 Category"),
                    Map.of("name", "priorityLabel", "label", "优先级 Priority"),
                    Map.of("name", "departmentLabel", "label", "承办部门 Department"));
        }
        // Tasklist lands on the lowest priority a user may read: the own department's queue, never the empty "My tasks"
        int myTasks = priority("我的任务 My tasks");
        DEPARTMENT_FILTERS.keySet().forEach(name -> assertThat(priority(name)).as(name).isLessThan(myTasks));
        assertThat(priority(Departments.name(Departments.COMPLAINT_MANAGERS)))
                .isLessThan(DEPARTMENT_FILTERS.keySet().stream().filter(name -> !name.equals(Departments.name(Departments.COMPLAINT_MANAGERS)))
                        .mapToInt(this::priority).min().orElseThrow());
    }

    @Test
    void aFilterStillListingTheCodesListsTheWordsAfterTheNextStartAnEditedOneStaysAsItIs() {
        Filter codes = filterService.getFilter(filterId("技术支持部 Technical support"));
        Filter edited = filterService.getFilter(filterId("市场与品牌部 Marketing & brand"));
        Map<String, Object> codesProperties = codes.getProperties();
        Map<String, Object> editedProperties = edited.getProperties();
        try {
            filterService.saveFilter(codes.setProperties(withVariables(codesProperties, "complaintNumber", "category", "priority", "department")));
            filterService.saveFilter(edited.setProperties(withVariables(editedProperties, "complaintNumber", "category")));

            taskFilters.ensureFilters();

            assertThat(variableNames("技术支持部 Technical support"))
                    .containsExactly("complaintNumber", "categoryLabel", "priorityLabel", "departmentLabel");
            assertThat(variableNames("市场与品牌部 Marketing & brand")).containsExactly("complaintNumber", "category");
        } finally {
            filterService.saveFilter(filterService.getFilter(codes.getId()).setProperties(codesProperties));
            filterService.saveFilter(filterService.getFilter(edited.getId()).setProperties(editedProperties));
        }
    }

    private static Map<String, Object> withVariables(Map<String, Object> properties, String... names) {
        Map<String, Object> changed = new LinkedHashMap<>(properties);
        changed.put("variables", Arrays.stream(names).map(name -> Map.of("name", name, "label", name)).toList());
        return changed;
    }

    @SuppressWarnings("unchecked")
    private List<Object> variableNames(String filterName) {
        List<Map<String, Object>> variables = (List<Map<String, Object>>) filterService.getFilter(filterId(filterName))
                .getProperties().get("variables");
        return variables.stream().map(v -> v.get("name")).toList();
    }

    private int priority(String filterName) {
        return ((Number) filterService.createFilterQuery().filterName(filterName).singleResult().getProperties().get("priority")).intValue();
    }

    @Test
    void eachDepartmentFilterListsOnlyTasksItsDepartmentIsCandidateFor() {
        Map<String, String> taskOfGroup = new LinkedHashMap<>();
        for (String group : Departments.ALL) {
            taskOfGroup.put(group, standaloneTask("Filter check " + group, group));
        }
        taskService.setAssignee(taskOfGroup.get(Departments.TECHNICAL_SUPPORT), "liu.yang"); // claimed ones stay listed

        DEPARTMENT_FILTERS.forEach((name, group) -> {
            List<Task> listed = filterService.list(filterId(name));
            assertThat(listed).extracting(Task::getId)
                    .as(name)
                    .contains(taskOfGroup.get(group))
                    .doesNotContainAnyElementsOf(taskOfGroup.entrySet().stream()
                            .filter(e -> !e.getKey().equals(group)).map(Map.Entry::getValue).toList());
            assertThat(listed).as(name).allSatisfy(task -> assertThat(candidateGroups(task.getId())).contains(group));
        });
    }

    @Test
    void myTasksListsTheTasksAssignedToTheCurrentUser() {
        String mine = standaloneTask("Assigned to wang.fang", Departments.CUSTOMER_SERVICE);
        String colleagues = standaloneTask("Assigned to li.na", Departments.CUSTOMER_SERVICE);
        taskService.setAssignee(mine, "wang.fang");
        taskService.setAssignee(colleagues, "li.na");

        identityService.setAuthentication("wang.fang", List.of(Departments.CUSTOMER_SERVICE));
        List<Task> listed = filterService.list(filterId("我的任务 My tasks"));
        identityService.clearAuthentication();

        assertThat(listed).extracting(Task::getId).contains(mine).doesNotContain(colleagues);
        assertThat(listed).extracting(Task::getAssignee).containsOnly("wang.fang");
    }

    @Test
    void departmentFiltersAreReadByTheirDepartmentAndManagersMyTasksByEveryone() {
        DEPARTMENT_FILTERS.forEach((name, group) -> {
            String id = filterId(name);
            for (String reader : Departments.ALL) {
                boolean expected = reader.equals(group) || reader.equals(Departments.COMPLAINT_MANAGERS);
                assertThat(authorizationService.isUserAuthorized("someone", List.of(reader), Permissions.READ, Resources.FILTER, id))
                        .as("%s reads filter %s", reader, name).isEqualTo(expected);
            }
        });
        assertThat(authorizationService.isUserAuthorized("anyone", List.of(), Permissions.READ, Resources.FILTER, filterId("我的任务 My tasks")))
                .isTrue();
    }

    private String standaloneTask(String name, String candidateGroup) {
        Task task = taskService.newTask();
        task.setName(name);
        taskService.saveTask(task);
        createdTasks.add(task.getId());
        taskService.addCandidateGroup(task.getId(), candidateGroup);
        return task.getId();
    }

    private List<String> candidateGroups(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private String filterId(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult().getId();
    }
}
