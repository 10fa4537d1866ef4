package com.complaintdesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Gives the department a complaint is routed to READ on that complaint's process instance, so its staff see the
 * complaint's values (number, category, priority) in Tasklist's lists and forms, and no other department's complaints.
 * The grant is the application's decision, made inside the routing step, whoever completed the step before it.
 */
@Component
public class ComplaintAccess {

    private final AuthorizationService authorizationService;
    private final IdentityService identityService;

    ComplaintAccess(AuthorizationService authorizationService, IdentityService identityService) {
        this.authorizationService = authorizationService;
        this.identityService = identityService;
    }

    public void grantDepartment(String groupId, String processInstanceId) {
        AsApplication.run(identityService, () -> {
            boolean granted = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                    .groupIdIn(groupId).resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId).count() > 0;
            if (!granted) {
                Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                authorization.setGroupId(groupId);
                authorization.setResource(Resources.PROCESS_INSTANCE);
                authorization.setResourceId(processInstanceId);
                authorization.addPermission(ProcessInstancePermissions.READ);
                authorizationService.saveAuthorization(authorization);
            }
        });
    }
}
