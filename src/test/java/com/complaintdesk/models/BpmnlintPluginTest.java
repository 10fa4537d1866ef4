package com.complaintdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bpmnlint rules in bpmnlint-plugin-complaintdesk (what Camunda Modeler shows the owner, in seconds) say what
 * ModelConventionsTest says, word for word, on the same broken model: each convention that needs no Java is flagged by
 * both. Runs where Node.js and the npm packages are installed (npm ci; .ci/run does); skipped with a message elsewhere,
 * and fails instead of skipping when CI is set.
 */
class BpmnlintPluginTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path CLI = PROJECT.resolve("node_modules/bpmnlint/bin/bpmnlint.js");
    private static final Path PLUGIN = PROJECT.resolve("node_modules/bpmnlint-plugin-complaintdesk");

    /** Every convention the plugin checks, broken once in a lifecycle task (the reminders rule applies there). */
    private static final String BROKEN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                id="Definitions_Broken" targetNamespace="http://complaintdesk.com/bpmn">
              <bpmn:process id="complaint-lifecycle" name="Broken" isExecutable="true">
                <bpmn:startEvent id="StartEvent_Received" name="Received"><bpmn:outgoing>Flow_ToTriage</bpmn:outgoing></bpmn:startEvent>
                <bpmn:sequenceFlow id="Flow_ToTriage" sourceRef="StartEvent_Received" targetRef="Activity_0x7k2pq" />
                <bpmn:userTask id="Activity_0x7k2pq" name="Triage"><bpmn:extensionElements>
                  <camunda:taskListener expression="${taskReminders.remind(task)}" event="timeout" id="Reminder_Triage">
                    <bpmn:timerEventDefinition id="TimerEventDefinition_Triage"><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
                  </camunda:taskListener></bpmn:extensionElements>
                  <bpmn:incoming>Flow_ToTriage</bpmn:incoming><bpmn:outgoing>Flow_ToReview</bpmn:outgoing></bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_ToReview" sourceRef="Activity_0x7k2pq" targetRef="Task_Review" />
                <bpmn:userTask id="Task_Review" name="Review" camunda:candidateGroups="managers" camunda:formRef="review-evidence">
                  <bpmn:incoming>Flow_ToReview</bpmn:incoming><bpmn:outgoing>Flow_ToPay</bpmn:outgoing></bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_ToPay" sourceRef="Task_Review" targetRef="Task_Pay" />
                <bpmn:serviceTask id="Task_Pay" name="Pay" camunda:class="com.example.PayDelegate"><bpmn:incoming>Flow_ToPay</bpmn:incoming>
                  <bpmn:outgoing>Flow_ToRoute</bpmn:outgoing></bpmn:serviceTask>
                <bpmn:sequenceFlow id="Flow_ToRoute" sourceRef="Task_Pay" targetRef="Task_Route" />
                <bpmn:serviceTask id="Task_Route" name="Route" camunda:delegateExpression="#{route}"><bpmn:incoming>Flow_ToRoute</bpmn:incoming>
                  <bpmn:outgoing>Flow_ToEnd</bpmn:outgoing></bpmn:serviceTask>
                <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Route" targetRef="EndEvent_Done" />
                <bpmn:endEvent id="EndEvent_Done" name="Done"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
              </bpmn:process>
            </bpmn:definitions>
            """;

    /** What both must say (ModelConventions' lines without the file name). */
    private static final List<String> BOTH_SAY = List.of(
            "Activity_0x7k2pq has a generated id: give it a meaningful one (Task_…, Gateway_…, Flow_…)",
            "complaint-lifecycle has no camunda:historyTimeToLive",
            "Activity_0x7k2pq has no camunda:candidateGroups: say which department works it",
            "Activity_0x7k2pq has no camunda:formRef (a Camunda Form in forms/)",
            "Activity_0x7k2pq has a timeout task listener: a migration strips those until a restart (camunda-bpm-platform 4633/4637); "
                    + "reminders come from the create listener ${taskReminders.schedule(task)}",
            "Activity_0x7k2pq has no reminders: add the create task listener ${taskReminders.schedule(task)}",
            "Task_Review has no reminders: add the create task listener ${taskReminders.schedule(task)}",
            "Task_Review candidateGroups 'managers' is no group id (complaint-managers, compliance-legal, customer-service, marketing-brand, "
                    + "technical-support)",
            "Task_Pay uses camunda:class 'com.example.PayDelegate': use camunda:delegateExpression with a Spring bean",
            "Task_Route delegateExpression '#{route}' is not of the form ${beanName}");

    private static boolean nodeReady;

    @BeforeAll
    static void findNode() {
        nodeReady = Files.isRegularFile(CLI) && Files.isDirectory(PLUGIN) && run("node", "--version").exitCode == 0;
        if (!nodeReady && System.getenv("CI") != null) {
            throw new IllegalStateException("CI is set but Node.js or the npm packages are missing: run npm ci (.ci/run does)");
        }
    }

    @Test
    void theLinterAndTheConventionsTestNameTheSameProblems(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(nodeReady, "SKIPPED: the bpmnlint plugin needs Node.js and `npm ci` (node_modules/bpmnlint-plugin-complaintdesk)");
        Path model = dir.resolve("broken.bpmn");
        Files.writeString(model, BROKEN);
        Path config = dir.resolve(".bpmnlintrc");
        Files.writeString(config, "{\"extends\": [\"plugin:complaintdesk/recommended\"]}");

        Result lint = run("node", CLI.toString(), "--config", config.toString(), model.toString());
        List<String> conventions = ModelConventions.ofProject(PROJECT)
                .checkBpmn("broken.bpmn", new ByteArrayInputStream(BROKEN.getBytes(StandardCharsets.UTF_8)));

        assertThat(lint.exitCode).as(lint.output).isNotZero();
        for (String problem : BOTH_SAY) {
            assertThat(conventions).as("ModelConventionsTest").contains("broken.bpmn: " + problem);
            String element = problem.substring(0, problem.indexOf(' '));
            String message = problem.substring(element.length() + 1);
            assertThat(lint.output.lines()).as("bpmnlint").anySatisfy(line -> assertThat(line).contains(element).contains(message));
        }
    }

    @Test
    void theRealModelsPassTheLinter() {
        Assumptions.assumeTrue(nodeReady, "SKIPPED: the bpmnlint plugin needs Node.js and `npm ci` (node_modules/bpmnlint-plugin-complaintdesk)");
        try (var models = Files.list(PROJECT.resolve("processes"))) {
            List<String> command = new java.util.ArrayList<>(List.of("node", CLI.toString(), "--config", ".bpmnlintrc"));
            models.filter(p -> p.toString().endsWith(".bpmn")).sorted().forEach(p -> command.add(p.toString()));
            Result lint = run(command.toArray(String[]::new));
            assertThat(lint.exitCode).as(lint.output).isZero();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, output + "\n(timed out)");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
