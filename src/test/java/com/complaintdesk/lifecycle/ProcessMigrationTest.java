package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.complaintdesk.complaint.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.mockito.ArgumentCaptor;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What happens to running complaints when a process owner deploys a changed lifecycle (docs/changing-models.md, "The
 * walk"): they stay on the version they started on until they are migrated; a migration plan that maps equal
 * activities moves them to the new version where they wait, and they finish there, through the new version's steps.
 *
 * <p>The second version is made from the real model when the test runs (a renamed closing task and a satisfaction
 * call added before closure), so it never drifts from processes/complaint-lifecycle.bpmn; the test leaves it in
 * target/migration/complaint-lifecycle-v2.bpmn.
 */
class ProcessMigrationTest extends LifecycleProcessTest {

    /** The same cached engine as the coverage suite; two versions of one key would only blur that report. */
    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension.builder(LifecycleProcessTest.ENGINE_CONFIGURATION)
            .excludeProcessDefinitionKeys(Processes.LIFECYCLE_KEY)
            .build();

    static final String NEW_TASK = "Task_SatisfactionCall";
    static final String SATISFACTION_FORM_ID = "satisfaction-call";
    /** The added task's Camunda Form: one required note. */
    static final String SATISFACTION_FORM = """
            {"id": "satisfaction-call", "type": "default", "schemaVersion": 16, "components": [
              {"id": "Field_closingSummary", "type": "textarea", "key": "closingSummary", "label": "回访记录 Call notes",
               "validate": {"required": true, "maxLength": 2000}}]}
            """;
    static final String RENAMED_CLOSE = "结案并归档 Close and file complaint";

    @Test
    void runningComplaintsMovedToTheNewVersionWaitWhereTheyWereAndFinishThere() {
        Map<String, ProcessInstance> waiting = new LinkedHashMap<>();
        waiting.put("Task_TriageComplaint", registerHotlineComplaint());
        waiting.put("Task_DiagnoseFault", startAtInvestigation("technical-support", "TECHNICAL_FAULT"));
        waiting.put("Task_ApproveProposal", atProposal("REFUND", 900.0));
        waiting.put("Task_NegotiateSettlement", atProposal("EXPLANATION", 0));
        waiting.put("Task_CarryOutSettlement", atConfirmation());
        ProcessInstance staysOnVersionOne = atConfirmation();

        Map<String, String> taskIds = new LinkedHashMap<>();
        waiting.forEach((activity, instance) -> {
            if (!activity.equals("Task_CarryOutSettlement")) {
                taskIds.put(activity, task(instance).getId());
            }
        });
        ProcessDefinition v1 = definitionOf(staysOnVersionOne);
        ProcessDefinition v2 = deploySecondVersion();
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);
        // deploying changes nobody's complaint
        waiting.values().forEach(instance -> assertThat(definitionOf(instance).getId()).isEqualTo(v1.getId()));

        MigrationPlan plan = processEngine.getRuntimeService().createMigrationPlan(v1.getId(), v2.getId())
                .mapEqualActivities()
                .updateEventTriggers()
                .build();
        processEngine.getRuntimeService().newMigration(plan)
                .processInstanceIds(waiting.values().stream().map(ProcessInstance::getId).toList())
                .execute();

        waiting.forEach((activity, instance) -> {
            assertThat(definitionOf(instance).getId()).as("definition of the instance at %s", activity).isEqualTo(v2.getId());
            assertThat(instance).isWaitingAt(activity);
            if (!activity.equals("Task_CarryOutSettlement")) {
                assertThat(task(instance).getProcessDefinitionId()).isEqualTo(v2.getId());
            }
        });
        assertThat(definitionOf(staysOnVersionOne).getId()).isEqualTo(v1.getId());
        // a migrated task keeps its id, and with it the reminders its create listener wrote (TaskReminders' own rows)
        taskIds.forEach((activity, id) -> assertThat(task(waiting.get(activity)).getId()).as("task at %s", activity).isEqualTo(id));
        clearInvocations(taskReminders);

        // the migrated instances go on, on version 2
        ProcessInstance triage = waiting.get("Task_TriageComplaint");
        assertThat(task(triage)).hasCandidateGroup("customer-service");
        routedDepartment = "technical-support";
        complete(task(triage), Map.of("category", "TECHNICAL_FAULT", "subCategory", "CARD_READER", "isDuplicate", false,
                "evidenceRequired", false));
        assertThat(triage).isWaitingAt("Task_DiagnoseFault");

        ProcessInstance diagnosis = waiting.get("Task_DiagnoseFault");
        assertThat(task(diagnosis)).hasCandidateGroup("technical-support");
        complete(task(diagnosis), Map.of("diagnosis", "网络配置错误 network misconfigured", "fixMethod", "REMOTE_FIX",
                "manufacturerReferral", false, "findings", "fixed remotely"));
        assertThat(diagnosis).isWaitingAt("Task_ProposeResolution");

        ProcessInstance approval = waiting.get("Task_ApproveProposal");
        assertThat(task(approval)).hasCandidateGroup("complaint-managers");
        complete(task(approval), Map.of("proposalApproved", true));
        assertThat(approval).isWaitingAt("Task_NegotiateSettlement");

        // the message subscription of the boundary event moved with the instance
        ProcessInstance negotiation = waiting.get("Task_NegotiateSettlement");
        processEngine.getRuntimeService().createMessageCorrelation(Processes.MESSAGE_SETTLEMENT_RESPONSE)
                .processInstanceId(negotiation.getId())
                .setVariable("settlementResponse", "ACCEPT")
                .correlate();
        assertThat(negotiation).hasPassed("Event_SettlementResponseReceived").isWaitingAt("Task_SignAgreement");

        // a migrated complaint passes the step added in version 2, and closes with the renamed task
        // (the settlement execution it called is its own process: it stays as it was, and returns to version 2)
        ProcessInstance confirmation = waiting.get("Task_CarryOutSettlement");
        complete(task(calledInstance(confirmation, "settlement-execution")), Map.of("executionConfirmed", true));
        assertThat(confirmation).isWaitingAt(NEW_TASK);
        assertThat(task(confirmation)).hasCandidateGroup("customer-service");
        complete(task(confirmation), Map.of("closingSummary", "满意 satisfied"));
        assertThat(confirmation).isWaitingAt("Task_CloseComplaint");
        assertThat(task(confirmation)).hasName(RENAMED_CLOSE);
        closeWith(confirmation, "RESOLVED_MONETARY");

        // one left on version 1 finishes on version 1: no satisfaction call
        complete(task(calledInstance(staysOnVersionOne, "settlement-execution")), Map.of("executionConfirmed", true));
        assertThat(staysOnVersionOne).isWaitingAt("Task_CloseComplaint");
        closeWith(staysOnVersionOne, "RESOLVED_MONETARY");
        assertThat(staysOnVersionOne).hasNotPassed(NEW_TASK);

        // and a new complaint starts on version 2
        assertThat(definitionOf(registerHotlineComplaint()).getId()).isEqualTo(v2.getId());

        // every task created after the migration, on migrated complaints and the new one, got its reminders, without
        // a restart: they come from a create listener, which the migration leaves alone (unlike timeout listeners,
        // camunda-bpm-platform 4633/4637)
        ArgumentCaptor<DelegateTask> created = ArgumentCaptor.forClass(DelegateTask.class);
        verify(taskReminders, atLeastOnce()).schedule(created.capture());
        assertThat(created.getAllValues()).extracting(t -> (t.getProcessDefinitionId().equals(v2.getId()) ? "v2 " : "v1 ") + t.getTaskDefinitionKey())
                .contains("v2 Task_DiagnoseFault", "v2 Task_ProposeResolution", "v2 Task_NegotiateSettlement", "v2 Task_SignAgreement",
                        "v2 " + NEW_TASK, "v2 Task_CloseComplaint", "v2 Task_TriageComplaint", "v1 Task_CloseComplaint");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v2.getId()).list())
                .allSatisfy(instance -> assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list())
                        .allSatisfy(t -> assertThat(created.getAllValues()).extracting(DelegateTask::getId).as("reminders of %s", t.getTaskDefinitionKey())
                                .contains(t.getId())));
    }

    @Test
    void theSecondVersionDiffersOnlyByTheRenamedTaskAndTheAddedCall() {
        BpmnModelInstance v1 = realModel();
        BpmnModelInstance v2 = secondVersion();
        assertThat(v2.getModelElementsByType(FlowNode.class)).hasSize(v1.getModelElementsByType(FlowNode.class).size() + 1);
        assertThat(v2.getModelElementsByType(SequenceFlow.class)).hasSize(v1.getModelElementsByType(SequenceFlow.class).size() + 1);
        assertThat(((SequenceFlow) v2.getModelElementById("Flow_ToClose")).getTarget().getId()).isEqualTo(NEW_TASK);
        assertThat(((UserTask) v1.getModelElementById("Task_CloseComplaint")).getName()).isNotEqualTo(RENAMED_CLOSE);
    }

    // ---- helpers ----

    private ProcessInstance atProposal(String remedy, double amount) {
        ProcessInstance instance = startAtInvestigation("customer-service", "SERVICE_QUALITY");
        complete(task(instance), Map.of("findings", "callback missed"));
        propose(remedy, amount);
        return instance;
    }

    private ProcessInstance atConfirmation() {
        ProcessInstance instance = atProposal("REFUND", 200.0);
        answer("ACCEPT");
        complete(task(instance), Map.of("agreementSigned", true, "signatureMethod", "PHONE_RECORDING", "signedOn", "2026-11-26"));
        ProcessInstance execution = calledInstance(instance, "settlement-execution");
        execute(job("Task_PayRemedy", execution));
        assertThat(execution).isWaitingAt("Task_ConfirmExecution");
        assertThat(instance).isWaitingAt("Task_CarryOutSettlement");
        return instance;
    }

    private ProcessDefinition definitionOf(ProcessInstance instance) {
        String definitionId = processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getProcessDefinitionId();
        return processEngine.getRepositoryService().getProcessDefinition(definitionId);
    }

    /** Deploys version 2 with the decision tables (the model binds its DMN to its own deployment). */
    private ProcessDefinition deploySecondVersion() {
        BpmnModelInstance v2 = secondVersion();
        writeForModeler(v2);
        var builder = processEngine.getRepositoryService().createDeployment()
                .name("complaint-lifecycle v2")
                .addModelInstance("processes/complaint-lifecycle.bpmn", v2)
                .addClasspathResource("processes/complaint-routing.dmn")
                .addClasspathResource("processes/settlement-approval.dmn")
                .addString("forms/" + SATISFACTION_FORM_ID + ".form", SATISFACTION_FORM);
        // the forms of version 1's tasks go with it: every completion is checked against its task's form
        for (String resource : LifecycleProcessTest.class.getAnnotation(org.camunda.bpm.engine.test.Deployment.class).resources()) {
            if (resource.endsWith(".form")) {
                builder.addClasspathResource(resource);
            }
        }
        Deployment deployment = builder.deploy();
        ENGINE.manageDeployment(deployment);
        return processEngine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
    }

    /** Leaves the second version in target/migration/ to open in Modeler (the new task has no diagram shape). */
    private static void writeForModeler(BpmnModelInstance v2) {
        try {
            Path file = Path.of("target", "migration", "complaint-lifecycle-v2.bpmn");
            Files.createDirectories(file.getParent());
            Files.writeString(file, Bpmn.convertToString(v2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BpmnModelInstance realModel() {
        try (InputStream in = ProcessMigrationTest.class.getClassLoader().getResourceAsStream("processes/complaint-lifecycle.bpmn")) {
            return Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real model with two edits a process owner might make in Modeler: the closing task renamed, and a
     * satisfaction call by customer service added between the closure join and the closing task.
     */
    static BpmnModelInstance secondVersion() {
        BpmnModelInstance model = realModel();
        Process process = model.getModelElementById(Processes.LIFECYCLE_KEY);
        process.setCamundaVersionTag("2");
        UserTask close = model.getModelElementById("Task_CloseComplaint");
        close.setName(RENAMED_CLOSE);

        UserTask call = model.newInstance(UserTask.class);
        call.setId(NEW_TASK);
        call.setName("回访满意度 Satisfaction call");
        call.setCamundaCandidateGroups("customer-service");
        call.setCamundaFormRef(SATISFACTION_FORM_ID);
        call.setCamundaFormRefBinding("deployment");
        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        CamundaTaskListener reminders = model.newInstance(CamundaTaskListener.class);
        reminders.setCamundaEvent("create");
        reminders.setCamundaExpression("${taskReminders.schedule(task)}");
        extensions.addChildElement(reminders);
        call.setExtensionElements(extensions);
        process.addChildElement(call);
        Lane customerService = model.getModelElementById("Lane_CustomerService");
        customerService.getFlowNodeRefs().add(call);

        SequenceFlow toClose = model.getModelElementById("Flow_ToClose");
        close.getIncoming().remove(toClose);
        toClose.setTarget(call);
        call.getIncoming().add(toClose);

        SequenceFlow called = model.newInstance(SequenceFlow.class);
        called.setId("Flow_SatisfactionCalled");
        process.addChildElement(called);
        called.setSource(call);
        called.setTarget(close);
        call.getOutgoing().add(called);
        close.getIncoming().add(called);
        Bpmn.validateModel(model);
        return model;
    }
}
