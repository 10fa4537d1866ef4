package com.complaintdesk.identity;

import static com.complaintdesk.identity.Departments.COMPLAINT_MANAGERS;
import static com.complaintdesk.identity.Departments.COMPLIANCE_LEGAL;
import static com.complaintdesk.identity.Departments.CUSTOMER_SERVICE;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.complaintdesk.complaint.Processes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What each department group may do in the engine and the web apps.
 *
 * <ul>
 *   <li>Every department: Tasklist, and READ on the complaint-lifecycle definition (Tasklist shows its name and
 *       deployed forms).</li>
 *   <li>customer-service and complaint-managers start complaints: CREATE_INSTANCE and READ_HISTORY on the
 *       definition, CREATE on process instances.</li>
 *   <li>Tasks: no department gets TASK {@code *}. The engine's DefaultAuthorizationProvider grants a candidate group
 *       READ and UPDATE on each task when the group becomes a candidate ({@code newTaskGroupIdentityLink}), so a
 *       department sees exactly the tasks it is a candidate for.</li>
 *   <li>complaint-managers supervise: Cockpit, READ and UPDATE on every task (escalations), READ on every process
 *       instance, decisions and their history; HISTORIC_PROCESS_INSTANCE and HISTORIC_TASK READ, which only count
 *       when the engine's enableHistoricInstancePermissions is on (Cockpit otherwise reads history through
 *       READ_HISTORY on the definition).</li>
 *   <li>complaint-integrations, the technical users of systems that send LegalActionFiled, RegulatorReferralReceived
 *       and RegulatorDecision through the engine REST API (a regulator's platform gateway, the legal department's case
 *       system): READ, READ_INSTANCE and UPDATE_INSTANCE on complaint-lifecycle and regulator-referral, which is what
 *       correlating a message to their instances takes; nothing else.</li>
 *   <li>Tasklist filters: "我的任务 My tasks" for everyone (a global authorization), each department filter for its
 *       department and complaint-managers.</li>
 * </ul>
 *
 * An authorization is created only if none exists for the same group and resource; one that lacks a permission
 * gets it added (the engine allows one authorization per group and resource).
 */
@Component
@Profile("demo")
class GroupAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(GroupAuthorizations.class);

    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";

    /** Permissions for a group (or, with a null group, for everyone) on one resource. */
    record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {

        Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
            this(groupId, resource, resourceId, List.of(permissions));
        }

        boolean global() {
            return groupId == null;
        }

        String key() {
            return (global() ? ANY : groupId) + "|" + resource.resourceType() + "|" + resourceId;
        }

        @Override
        public String toString() {
            return (global() ? "everyone" : groupId) + " " + resource.resourceName() + " " + resourceId + " "
                    + permissions.stream().map(Permission::getName).toList();
        }
    }

    private final AuthorizationService authorizationService;

    GroupAuthorizations(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    /** The grants of the department groups, and READ on the given filters for the groups that use them. */
    static List<Grant> grants(List<TaskFilters.Saved> filters) {
        List<Grant> grants = new ArrayList<>();
        for (String group : Departments.ALL) {
            grants.add(new Grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
            for (String key : List.of(Processes.LIFECYCLE_KEY, Processes.SETTLEMENT_EXECUTION_KEY, Processes.LEGAL_PROCEEDINGS_KEY, Processes.REGULATOR_REFERRAL_KEY)) {
                grants.add(new Grant(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ));
            }
        }
        for (String starter : List.of(CUSTOMER_SERVICE, COMPLAINT_MANAGERS)) {
            grants.add(new Grant(starter, Resources.PROCESS_DEFINITION, Processes.LIFECYCLE_KEY,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY));
            grants.add(new Grant(starter, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
        }
        // the front desk follows every complaint (Tasklist's list shows each task's complaint number, category...);
        // a routed department reads only the complaints routed to it (ComplaintAccess)
        grants.add(new Grant(CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, Processes.LIFECYCLE_KEY, ProcessDefinitionPermissions.READ_INSTANCE));
        // the called processes' tasks belong to one department each: it reads their instances (complaint number in the list)
        grants.add(new Grant(CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, Processes.SETTLEMENT_EXECUTION_KEY, ProcessDefinitionPermissions.READ_INSTANCE));
        grants.add(new Grant(COMPLIANCE_LEGAL, Resources.PROCESS_DEFINITION, Processes.LEGAL_PROCEEDINGS_KEY, ProcessDefinitionPermissions.READ_INSTANCE));
        grants.add(new Grant(COMPLIANCE_LEGAL, Resources.PROCESS_DEFINITION, Processes.REGULATOR_REFERRAL_KEY, ProcessDefinitionPermissions.READ_INSTANCE));
        grants.add(new Grant(COMPLAINT_MANAGERS, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
        grants.add(new Grant(COMPLAINT_MANAGERS, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.UPDATE));
        grants.add(new Grant(COMPLAINT_MANAGERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(new Grant(COMPLAINT_MANAGERS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ));
        grants.add(new Grant(COMPLAINT_MANAGERS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
        grants.add(new Grant(COMPLAINT_MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant(COMPLAINT_MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        for (String key : List.of(Processes.LIFECYCLE_KEY, Processes.REGULATOR_REFERRAL_KEY)) {
            grants.add(new Grant(Departments.INTEGRATIONS, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE));
        }
        for (TaskFilters.Saved filter : filters) {
            if (filter.definition().forEveryone()) {
                grants.add(new Grant(null, Resources.FILTER, filter.id(), Permissions.READ));
            } else {
                filter.definition().readerGroups().forEach(group ->
                        grants.add(new Grant(group, Resources.FILTER, filter.id(), Permissions.READ)));
            }
        }
        return merged(grants);
    }

    /** Creates the missing authorizations and adds missing permissions to existing ones. */
    void ensureGrants(List<TaskFilters.Saved> filters) {
        grants(filters).forEach(this::ensure);
    }

    private void ensure(Grant grant) {
        Authorization authorization = existing(grant);
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(grant.global() ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
            if (grant.global()) {
                authorization.setUserId(ANY);
            } else {
                authorization.setGroupId(grant.groupId());
            }
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        } else if (grant.permissions().stream().allMatch(authorization::isPermissionGranted)) {
            return;
        }
        grant.permissions().forEach(authorization::addPermission);
        authorizationService.saveAuthorization(authorization);
        log.info("Granted {}", grant);
    }

    private Authorization existing(Grant grant) {
        AuthorizationQuery query = authorizationService.createAuthorizationQuery()
                .resourceType(grant.resource())
                .resourceId(grant.resourceId());
        query = grant.global()
                ? query.authorizationType(AUTH_TYPE_GLOBAL).userIdIn(ANY)
                : query.authorizationType(AUTH_TYPE_GRANT).groupIdIn(grant.groupId());
        return query.singleResult();
    }

    /** One grant per group and resource, with the permissions of all grants for them (the engine keeps one). */
    private static List<Grant> merged(List<Grant> grants) {
        Map<String, Grant> byKey = new LinkedHashMap<>();
        for (Grant grant : grants) {
            byKey.merge(grant.key(), grant, (a, b) -> {
                List<Permission> permissions = new ArrayList<>(a.permissions());
                b.permissions().stream()
                        .filter(p -> permissions.stream().noneMatch(q -> q.getValue() == p.getValue()))
                        .forEach(permissions::add);
                return new Grant(a.groupId(), a.resource(), a.resourceId(), List.copyOf(permissions));
            });
        }
        return List.copyOf(byKey.values());
    }
}
