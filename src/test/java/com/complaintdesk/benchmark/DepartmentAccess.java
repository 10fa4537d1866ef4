package com.complaintdesk.benchmark;

/** What routing gives the department a complaint is routed to (identity/ComplaintAccess), done over the engine REST API. */
final class DepartmentAccess {

    private DepartmentAccess() {
    }

    /** READ on the routed complaint's process instance for the department (one grant per complaint). */
    static boolean grantAsRoutingDoes(Rest admin, String group, String processInstanceId) {
        String grant = """
                {"type":1,"permissions":["READ"],"groupId":"%s","resourceType":8,"resourceId":"%s"}"""
                .formatted(group, processInstanceId);
        return admin.post("/engine-rest/authorization/create", grant).statusCode() == 200;
    }
}
