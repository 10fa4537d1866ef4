package com.complaintdesk.deadline;

import static com.complaintdesk.deadline.DeadlinePeriod.ACKNOWLEDGEMENT;
import static com.complaintdesk.deadline.DeadlinePeriod.EVIDENCE_EXPIRY;
import static com.complaintdesk.deadline.DeadlinePeriod.INVESTIGATION_MARGIN;
import static com.complaintdesk.deadline.DeadlinePeriod.PROPOSAL_STEP;
import static com.complaintdesk.deadline.DeadlinePeriod.REMEDY_EXECUTION;
import static com.complaintdesk.deadline.DeadlinePeriod.SETTLEMENT_ANSWER;
import static com.complaintdesk.deadline.DeadlinePeriod.TASK_STEP;

import java.util.Map;

/**
 * Which period of the deadline table sets the due date of each user task of complaint-lifecycle (by task definition
 * key). The lengths live in processes/complaint-deadlines.dmn; this table only says which row a task uses and how.
 *
 * <ul>
 * <li>{@link Anchor#FROM_CREATION}: due the period after the task was created, but never after the decision deadline
 * (while that is still ahead).</li>
 * <li>{@link Anchor#BEFORE_DECISION}: due the period before the decision deadline (investigation: leave time to propose,
 * approve and answer); once that moment has passed, due at the decision deadline itself.</li>
 * <li>{@link Anchor#FROM_CREATION_UNCAPPED}: due the period after creation, whatever the decision deadline (the task that
 * handles a breached deadline).</li>
 * </ul>
 * When the decision deadline has already passed, every task is due its {@code taskStep} or own period after creation:
 * the complaint is marked breached, and its work still needs a target.
 */
final class TaskSchedule {

    enum Anchor { FROM_CREATION, BEFORE_DECISION, FROM_CREATION_UNCAPPED }

    record Rule(DeadlinePeriod period, Anchor anchor) {
    }

    /** Tasks not named here (a new task in the model) get one working day. */
    static final Rule DEFAULT = new Rule(TASK_STEP, Anchor.FROM_CREATION);

    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("Task_TriageComplaint", new Rule(ACKNOWLEDGEMENT, Anchor.FROM_CREATION)),
            Map.entry("Task_AwaitEvidence", new Rule(EVIDENCE_EXPIRY, Anchor.FROM_CREATION)),
            Map.entry("Task_ReviewEvidence", new Rule(TASK_STEP, Anchor.FROM_CREATION)),
            Map.entry("Task_DiagnoseFault", new Rule(INVESTIGATION_MARGIN, Anchor.BEFORE_DECISION)),
            Map.entry("Task_RecordSiteVisit", new Rule(INVESTIGATION_MARGIN, Anchor.BEFORE_DECISION)),
            Map.entry("Task_RecordManufacturerAnswer", new Rule(INVESTIGATION_MARGIN, Anchor.BEFORE_DECISION)),
            Map.entry("Task_AuditFees", new Rule(INVESTIGATION_MARGIN, Anchor.BEFORE_DECISION)),
            Map.entry("Task_InvestigateComplianceIssue", new Rule(INVESTIGATION_MARGIN, Anchor.BEFORE_DECISION)),
            Map.entry("Task_InvestigateBrandIssue", new Rule(INVESTIGATION_MARGIN, Anchor.BEFORE_DECISION)),
            Map.entry("Task_InvestigateServiceIssue", new Rule(INVESTIGATION_MARGIN, Anchor.BEFORE_DECISION)),
            Map.entry("Task_ProposeResolution", new Rule(PROPOSAL_STEP, Anchor.FROM_CREATION)),
            Map.entry("Task_ApproveProposal", new Rule(PROPOSAL_STEP, Anchor.FROM_CREATION)),
            Map.entry("Task_NegotiateSettlement", new Rule(SETTLEMENT_ANSWER, Anchor.FROM_CREATION)),
            Map.entry("Task_SignAgreement", new Rule(SETTLEMENT_ANSWER, Anchor.FROM_CREATION)),
            Map.entry("Task_ConfirmExecution", new Rule(REMEDY_EXECUTION, Anchor.FROM_CREATION)),
            Map.entry("Task_WriteFinalResponse", new Rule(TASK_STEP, Anchor.FROM_CREATION)),
            Map.entry("Task_CloseComplaint", new Rule(TASK_STEP, Anchor.FROM_CREATION)),
            Map.entry("Task_DecideExtension", new Rule(TASK_STEP, Anchor.FROM_CREATION)),
            Map.entry("Task_HandleBreach", new Rule(TASK_STEP, Anchor.FROM_CREATION_UNCAPPED)));

    private TaskSchedule() {
    }

    static Rule ruleFor(String taskDefinitionKey) {
        return RULES.getOrDefault(taskDefinitionKey, DEFAULT);
    }
}
