package com.complaintdesk.triage;

import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.ProcessValues;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Gateway_Consultation's start listener: a complaint routed by a model version before the routing table named the
 * investigation and the consulted department (and migrated while it waited for evidence) gets both from the table
 * deployed with the version it now runs on, asked about its record, so the gateways after it can decide. A complaint
 * routed by this version already has them and is left alone.
 */
@Component("routingOfEarlierVersions")
public class RoutingOfEarlierVersions {

    private final RouteComplaintDelegate routing;
    private final ComplaintRecords records;

    RoutingOfEarlierVersions(RouteComplaintDelegate routing, ComplaintRecords records) {
        this.routing = routing;
        this.records = records;
    }

    public void fillIn(DelegateExecution execution) {
        if (execution.hasVariable(Lifecycle.INVESTIGATION_TYPE.name())) {
            return;
        }
        DmnDecisionResultEntries answers = routing.answers(execution,
                records.get(ProcessValues.complaintNumber(execution)));
        if (answers == null || answers.getEntryMap().get(Lifecycle.INVESTIGATION_TYPE.name()) == null) {
            throw new IllegalStateException("DMN " + RouteComplaintDelegate.DECISION + " names no investigation for complaint "
                    + execution.getProcessBusinessKey());
        }
        Lifecycle.INVESTIGATION_TYPE.set(execution, (String) answers.getEntryMap().get(Lifecycle.INVESTIGATION_TYPE.name()));
        Lifecycle.CONSULTED_DEPARTMENT.set(execution, (String) answers.getEntryMap().get(Lifecycle.CONSULTED_DEPARTMENT.name()));
    }
}
