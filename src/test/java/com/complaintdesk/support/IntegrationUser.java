package com.complaintdesk.support;

import com.complaintdesk.identity.Departments;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** A technical user of the group complaint-integrations, as a regulator platform's gateway logs in (created once). */
public final class IntegrationUser {

    public static final String ID = "regulator-gateway";
    public static final String PASSWORD = "gateway-secret";

    private IntegrationUser() {
    }

    /** Creates the group and the user where they are missing; returns the user's id. */
    public static String ensure(IdentityService identityService) {
        if (identityService.createGroupQuery().groupId(Departments.INTEGRATIONS).count() == 0) {
            Group group = identityService.newGroup(Departments.INTEGRATIONS);
            group.setName("系统对接 Integrations");
            group.setType("SYSTEM");
            identityService.saveGroup(group);
        }
        if (identityService.createUserQuery().userId(ID).count() == 0) {
            User user = identityService.newUser(ID);
            user.setFirstName("Gateway");
            user.setLastName("Regulator");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(ID, Departments.INTEGRATIONS);
        }
        return ID;
    }
}
