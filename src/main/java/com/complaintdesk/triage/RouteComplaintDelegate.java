package com.complaintdesk.triage;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Lifecycle;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.Priority;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.complaint.ProcessValues;
import com.complaintdesk.identity.ComplaintAccess;
import com.complaintdesk.models.DeploymentDecisions;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Task_RouteComplaint: asks the DMN table complaint-routing which department handles the complaint and how urgent
 * it is, which investigation runs and which department is consulted first (if any), records the answer and hands it
 * to the process. Changing routing is a table edit in Modeler, not Java. The
 * table is the one deployed with the complaint's process definition (DeploymentDecisions): a routing change deployed
 * while a complaint waits does not reroute it.
 */
@Component("routeComplaint")
class RouteComplaintDelegate implements JavaDelegate {

    static final String DECISION = "complaint-routing";

    private final DeploymentDecisions decisions;
    private final ComplaintRecords records;
    private final ComplaintAccess access;

    RouteComplaintDelegate(DeploymentDecisions decisions, ComplaintRecords records, ComplaintAccess access) {
        this.decisions = decisions;
        this.records = records;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = records.get(Lifecycle.COMPLAINT_NUMBER.required(execution));
        DmnDecisionResultEntries routing = answers(execution, complaint);
        if (routing == null) {
            throw new IllegalStateException("DMN " + DECISION + " has no rule for category " + complaint.getCategory());
        }
        String department = routing.getEntry(Lifecycle.DEPARTMENT.name());
        Priority priority = Priority.valueOf(routing.getEntry(Lifecycle.PRIORITY.name()));
        Boolean referral = routing.getEntry(Lifecycle.MANUFACTURER_REFERRAL.name());
        // an empty output cell gives no entry at all (getEntry would fail): read the optional outputs from the map
        String investigation = (String) routing.getEntryMap().get(Lifecycle.INVESTIGATION_TYPE.name());
        if (investigation == null) {
            throw new IllegalStateException("DMN " + DECISION + " names no investigation for category " + complaint.getCategory());
        }
        String consulted = (String) routing.getEntryMap().get(Lifecycle.CONSULTED_DEPARTMENT.name());
        complaint.route(department, priority);
        complaint.moveTo(ComplaintStatus.UNDER_INVESTIGATION);
        access.grantDepartment(department, execution.getProcessInstanceId());
        if (consulted != null) {
            // the consulted department reads the complaint's values in its consultation task, as the routed one does
            access.grantDepartment(consulted, execution.getProcessInstanceId());
        }
        records.recordPublic(complaint, Milestone.ROUTED, BundleWords.both("triage.record.assigned", Departments.ALL.contains(department) ? Departments.name(department) : department)
                + "（" + BundleWords.both("triage.record.priority", priority.label()) + "）");
        if (consulted != null) {
            records.recordInternal(complaint, Milestone.ROUTED, BundleWords.both("triage.record.consulted", consulted));
        }
        Lifecycle.DEPARTMENT.set(execution, department);
        Lifecycle.PRIORITY.set(execution, priority);
        Lifecycle.MANUFACTURER_REFERRAL.set(execution, Boolean.TRUE.equals(referral));
        Lifecycle.INVESTIGATION_TYPE.set(execution, investigation);
        Lifecycle.CONSULTED_DEPARTMENT.set(execution, consulted);
    }

    /** The routing table deployed with the complaint's process definition, asked about the complaint's record. */
    DmnDecisionResultEntries answers(DelegateExecution execution, Complaint complaint) {
        return decisions.evaluateForDefinition(DECISION, execution.getProcessDefinitionId(),
                        Variables.createVariables()
                                .putValue(Lifecycle.CATEGORY.name(), complaint.getCategory().name())
                                .putValue(Lifecycle.VIA_SALES_PROMOTION.name(), complaint.isViaSalesPromotion())
                                .putValue(Lifecycle.SUB_CATEGORY.name(), complaint.getSubCategory()))
                .getSingleResult();
    }
}
