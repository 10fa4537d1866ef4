package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@ComplaintDeskSpringTest
class DemoDataSeederTest {

    private static final Map<String, List<String>> STAFF = Map.of(
            Departments.CUSTOMER_SERVICE, List.of("li.na", "wang.fang"),
            Departments.TECHNICAL_SUPPORT, List.of("liu.yang", "zhang.wei"),
            Departments.COMPLIANCE_LEGAL, List.of("chen.jing"),
            Departments.MARKETING_BRAND, List.of("zhao.lei"),
            Departments.COMPLAINT_MANAGERS, List.of("sun.li"));

    @Autowired DemoDataSeeder seeder;
    @Autowired IdentityService identityService;
    @Autowired FilterService filterService;
    @Autowired AuthorizationService authorizationService;
    @Value("${complaint-desk.demo.password}") String demoPassword;

    @Test
    void seedingAgainAddsNothing() {
        long users = identityService.createUserQuery().count();
        long groups = identityService.createGroupQuery().count();
        Map<String, Long> members = memberCounts();
        long filters = filterService.createFilterQuery().count();
        List<String> authorizations = standingAuthorizations();

        seeder.seed();
        seeder.seed();

        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
        assertThat(memberCounts()).isEqualTo(members);
        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
        assertThat(standingAuthorizations()).isEqualTo(authorizations);
    }

    @Test
    void departmentsAreWorkflowGroupsNamedChineseFirst() {
        assertThat(identityService.createGroupQuery().groupIdIn(Departments.ALL.toArray(String[]::new)).orderByGroupId().asc().list())
                .extracting(Group::getId, Group::getName, Group::getType)
                .containsExactly(
                        tuple("complaint-managers", "投诉主管 Complaint managers", "WORKFLOW"),
                        tuple("compliance-legal", "合规与法务部 Compliance & legal", "WORKFLOW"),
                        tuple("customer-service", "客户服务部 Customer service", "WORKFLOW"),
                        tuple("marketing-brand", "市场与品牌部 Marketing & brand", "WORKFLOW"),
                        tuple("technical-support", "技术支持部 Technical support", "WORKFLOW"));
    }

    @Test
    void demoStaffBelongToTheirDepartments() {
        STAFF.forEach((group, userIds) -> assertThat(identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list())
                .as("members of %s", group)
                .extracting(User::getId)
                .containsAll(userIds));
        assertThat(identityService.createUserQuery().userId("wang.fang").singleResult())
                .extracting(User::getLastName, User::getFirstName, User::getEmail)
                .containsExactly("", "王芳", "wang.fang@complaintdesk.example");
        assertThat(identityService.createUserQuery().userId("sun.li").singleResult())
                .extracting(User::getLastName, User::getFirstName, User::getEmail)
                .containsExactly("", "孙丽", "sun.li@complaintdesk.example");
        assertThat(STAFF.values().stream().flatMap(List::stream))
                .allSatisfy(userId -> assertThat(identityService.checkPassword(userId, demoPassword)).as("password of %s", userId).isTrue());
    }

    @Test
    void demoStaffUseTasklistAndOnlyManagersUseCockpit() {
        STAFF.forEach((group, userIds) -> {
            assertThat(authorizationService.isUserAuthorized(userIds.get(0), List.of(group), Permissions.ACCESS, Resources.APPLICATION, "tasklist"))
                    .as("%s in Tasklist", group).isTrue();
            assertThat(authorizationService.isUserAuthorized(userIds.get(0), List.of(group), Permissions.ACCESS, Resources.APPLICATION, "cockpit"))
                    .as("%s in Cockpit", group).isEqualTo(group.equals(Departments.COMPLAINT_MANAGERS));
        });
    }

    private Map<String, Long> memberCounts() {
        return Departments.ALL.stream().collect(java.util.stream.Collectors.toMap(
                group -> group, group -> identityService.createUserQuery().memberOfGroup(group).count()));
    }

    /** Every authorization except the ones the engine gives per task (those come and go with the tasks). */
    private List<String> standingAuthorizations() {
        return authorizationService.createAuthorizationQuery().list().stream()
                .filter(a -> Authorization.ANY.equals(a.getResourceId())
                        || (a.getResourceType() != Resources.TASK.resourceType() && a.getResourceType() != Resources.HISTORIC_TASK.resourceType()))
                .map(a -> a.getAuthorizationType() + "|" + a.getUserId() + "|" + a.getGroupId() + "|" + a.getResourceType() + "|"
                        + a.getResourceId() + "|" + Arrays.toString(a.getPermissions(Permissions.values())))
                .sorted()
                .toList();
    }
}
