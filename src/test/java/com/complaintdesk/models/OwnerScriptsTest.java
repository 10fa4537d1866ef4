package com.complaintdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process owner's scripts against the running application: scripts/deploy --check sends the repository's whole
 * model set to the dry run, and scripts/migrate finds two versions by their tags and moves the running instances.
 * Needs sh and curl (skipped with a message without them; CI has both).
 */
@ComplaintDeskSpringTest
class OwnerScriptsTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;

    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void needsShellAndCurl() {
        Assumptions.assumeTrue(run(Map.of(), "sh", "-c", "command -v curl").exitCode == 0, "SKIPPED: the owner scripts need sh and curl");
    }

    @AfterEach
    void removeDeployments() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void deployCheckSendsTheWholeSetToTheDryRunAndTheEngineWouldAcceptIt() {
        Result check = run(env("sun.li", "demo"), "sh", "scripts/deploy", "--check", "2099.01-check");
        assertThat(check.exitCode).as(check.output).isZero();
        assertThat(check.output).contains("OK: the engine would accept this set as version tag 2099.01-check", "\"deployable\": true");

        Result noTag = run(env("sun.li", "demo"), "sh", "scripts/deploy");
        assertThat(noTag.exitCode).isEqualTo(2);
        assertThat(noTag.output).contains("usage: scripts/deploy [--check] VERSION_TAG");
    }

    @Test
    void migrateMovesTheInstancesOfOneTaggedVersionToAnotherAndSaysHowMany() {
        ProcessDefinition v1 = deploy("script-probe-1", "等待 Wait");
        runtimeService.startProcessInstanceById(v1.getId());
        runtimeService.startProcessInstanceById(v1.getId());
        ProcessDefinition v2 = deploy("script-probe-2", "等待确认 Wait for confirmation");

        Result migrate = run(env("admin", "admin"), "sh", "scripts/migrate", "script-probe", "script-probe-1", "script-probe-2");

        assertThat(migrate.exitCode).as(migrate.output).isZero();
        assertThat(migrate.output).contains("MOVED 2 instances of script-probe");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(2);
    }

    private ProcessDefinition deploy(String tag, String taskName) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_ScriptProbe" targetNamespace="http://complaintdesk.com/bpmn">
                  <bpmn:process id="script-probe" name="Script probe" isExecutable="true" camunda:historyTimeToLive="1" camunda:versionTag="%s">
                    <bpmn:startEvent id="StartEvent_Probe" name="Start" />
                    <bpmn:sequenceFlow id="Flow_ToWait" sourceRef="StartEvent_Probe" targetRef="Task_Wait" />
                    <bpmn:receiveTask id="Task_Wait" name="%s" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(tag, taskName);
        String id = repositoryService.createDeployment().name(tag).addString("script-probe.bpmn", xml).deploy().getId();
        deployments.add(0, id);
        return repositoryService.createProcessDefinitionQuery().deploymentId(id).singleResult();
    }

    private Map<String, String> env(String user, String password) {
        return Map.of("CAMUNDA_URL", "http://localhost:" + port, "CAMUNDA_USER", user, "CAMUNDA_PASSWORD", password);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Map<String, String> env, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
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
