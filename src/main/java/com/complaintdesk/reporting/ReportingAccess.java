package com.complaintdesk.reporting;

import com.complaintdesk.identity.Departments;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who sees what: the KPIs and the waiting times (Cockpit plugins, /staff/reports/kpis) complaint managers and Camunda
 * administrators; the regulator's statistics and the register also compliance-legal, who answers the regulator.
 */
final class ReportingAccess {

    static final List<String> KPI_GROUPS = List.of(Departments.COMPLAINT_MANAGERS, Groups.CAMUNDA_ADMIN);
    static final List<String> REPORT_GROUPS = List.of(Departments.COMPLAINT_MANAGERS, Departments.COMPLIANCE_LEGAL, Groups.CAMUNDA_ADMIN);

    private ReportingAccess() {
    }

    static boolean allowed(Authentication authentication, List<String> groups) {
        return authentication != null && authentication.getUserId() != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().stream().anyMatch(groups::contains);
    }
}
