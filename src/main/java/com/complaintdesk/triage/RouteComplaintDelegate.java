package com.complaintdesk.triage;

import static com.complaintdesk.complaint.LifecycleVariables.*;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintStatus;
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
 * it is, records the answer and hands it to the process. Changing routing is a table edit in Modeler, not Java. The
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
        Complaint complaint = records.get(ProcessValues.requiredText(execution, COMPLAINT_NUMBER));
        DmnDecisionResultEntries routing = decisions.evaluateForDefinition(DECISION, execution.getProcessDefinitionId(),
                        Variables.createVariables()
                                .putValue(CATEGORY, complaint.getCategory().name())
                                .putValue(VIA_SALES_PROMOTION, complaint.isViaSalesPromotion()))
                .getSingleResult();
        if (routing == null) {
            throw new IllegalStateException("DMN " + DECISION + " has no rule for category " + complaint.getCategory());
        }
        String department = routing.getEntry(DEPARTMENT);
        Priority priority = Priority.valueOf(routing.getEntry(PRIORITY));
        Boolean referral = routing.getEntry(MANUFACTURER_REFERRAL);
        complaint.route(department, priority);
        complaint.moveTo(ComplaintStatus.UNDER_INVESTIGATION);
        access.grantDepartment(department, execution.getProcessInstanceId());
        records.recordPublic(complaint, Milestone.ROUTED, "已分派 Assigned to " + (Departments.ALL.contains(department) ? Departments.name(department) : department)
                + "（优先级 priority " + priority.label() + "）");
        execution.setVariable(DEPARTMENT, department);
        execution.setVariable(PRIORITY, priority.name());
        execution.setVariable(MANUFACTURER_REFERRAL, Boolean.TRUE.equals(referral));
    }
}
