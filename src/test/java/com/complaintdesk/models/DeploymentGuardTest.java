package com.complaintdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine refuses a deployment that would break work, as Camunda Modeler deploys (multipart POST to
 * /engine-rest/deployment/create): 400 naming each problem, and nothing deployed. The owners' dry run
 * (/staff/models/check) answers the same lines without deploying; a BPMN deployed alone takes its forms and decision
 * tables from the deployed ones.
 */
@ComplaintDeskSpringTest
class DeploymentGuardTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;

    private final List<String> deployed = new ArrayList<>();

    @AfterEach
    void removeDeployments() {
        deployed.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void eachBrokenModelIsRefusedWithItsProblemNamedAndNothingIsDeployed() {
        Map<String, String> brokenTasks = new LinkedHashMap<>();
        brokenTasks.put("""
                <bpmn:serviceTask id="Task_Route" name="Route" camunda:delegateExpression="${noSuchBean}" />""",
                "guard-probe.bpmn: Task_Route delegateExpression '${noSuchBean}' names no Spring bean");
        brokenTasks.put("""
                <bpmn:userTask id="Task_Triage" name="Triage" camunda:candidateGroups="customer-service" camunda:formRefBinding="deployment"
                    camunda:formRef="no-such-form" />""",
                "guard-probe.bpmn: Task_Triage formRef 'no-such-form' names a form that is neither in this deployment nor deployed");
        brokenTasks.put("""
                <bpmn:userTask id="Task_Nobody" name="Nobody" camunda:formRefBinding="deployment" camunda:formRef="triage-complaint" />""",
                "guard-probe.bpmn: Task_Nobody has no camunda:candidateGroups");
        brokenTasks.put("""
                <bpmn:userTask id="Task_Listen" name="Listen" camunda:candidateGroups="customer-service" camunda:formRefBinding="deployment"
                    camunda:formRef="triage-complaint"><bpmn:extensionElements>
                  <camunda:taskListener expression="${triage.noSuchMethod(task)}" event="complete" /></bpmn:extensionElements></bpmn:userTask>""",
                "guard-probe.bpmn: Task_Listen task listener expression '${triage.noSuchMethod(task)}': Triage has no public method noSuchMethod");
        brokenTasks.put("""
                <bpmn:businessRuleTask id="Task_Decide" name="Decide" camunda:decisionRef="no-such-decision" camunda:decisionRefBinding="deployment"
                    camunda:resultVariable="x" camunda:mapDecisionResult="singleEntry" />""",
                "guard-probe.bpmn: Task_Decide decisionRef 'no-such-decision' that is neither in this deployment nor deployed");

        for (Map.Entry<String, String> broken : brokenTasks.entrySet()) {
            String name = "guard-" + UUID.randomUUID();
            Map<String, String> files = Map.of("guard-probe.bpmn", process(broken.getKey()));

            HttpResponse<String> deploy = multipart("/engine-rest/deployment/create", "admin", "admin", name, files);
            assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(400);
            assertThat(deploy.body()).contains("ParseException").contains(json(broken.getValue()));
            assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).as("deployments named %s", name).isZero();
            assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("guard-probe").count()).isZero();

            HttpResponse<String> dryRun = multipart("/staff/models/check", "sun.li", "demo", name, files);
            assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(400);
            assertThat(dryRun.body()).contains("\"deployable\":false").contains(json(broken.getValue()));
        }
    }

    @Test
    void aFormFieldThatIsNoProcessVariableIsRefusedWhenTheFormComesWithTheModel() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("guard-probe.bpmn", process("""
                <bpmn:userTask id="Task_Odd" name="Odd" camunda:candidateGroups="customer-service" camunda:formRefBinding="deployment"
                    camunda:formRef="guard-odd-form" />"""));
        files.put("guard-odd-form.form", """
                {"id": "guard-odd-form", "type": "default", "components": [
                  {"type": "textfield", "id": "Field_Typo", "key": "complaintNumbr", "label": "Number"}]}""");
        String problem = "guard-probe.bpmn: Task_Odd formRef 'guard-odd-form': field 'Field_Typo' of guard-odd-form.form has key "
                + "'complaintNumbr', which is no variable (no descriptor has that name)";

        HttpResponse<String> deploy = multipart("/engine-rest/deployment/create", "admin", "admin", "guard-odd", files);
        assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(400);
        assertThat(deploy.body()).contains(json(problem));
        assertThat(repositoryService.createDeploymentQuery().deploymentName("guard-odd").count()).isZero();

        HttpResponse<String> dryRun = multipart("/staff/models/check", "admin", "admin", "guard-odd", files);
        assertThat(dryRun.statusCode()).isEqualTo(400);
        assertThat(dryRun.body()).contains(json(problem));
    }

    @Test
    void aModelDeployedWithoutItsFormsAndDecisionsTakesTheDeployedOnes() {
        Map<String, String> files = Map.of("guard-probe.bpmn", process("""
                <bpmn:userTask id="Task_Triage" name="Triage" camunda:candidateGroups="customer-service" camunda:formRefBinding="deployment"
                    camunda:formRef="triage-complaint" />
                <bpmn:businessRuleTask id="Task_Decide" name="Decide" camunda:decisionRef="settlement-approval" camunda:decisionRefBinding="deployment"
                    camunda:resultVariable="approverGroups" camunda:mapDecisionResult="collectEntries" />"""));

        HttpResponse<String> dryRun = multipart("/staff/models/check", "sun.li", "demo", "guard-alone", files);
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.body()).contains("\"deployable\":true", "triage-complaint.form", "settlement-approval.dmn");
        assertThat(repositoryService.createDeploymentQuery().deploymentName("guard-alone").count()).as("the dry run deploys nothing").isZero();

        HttpResponse<String> deploy = multipart("/engine-rest/deployment/create", "admin", "admin", "guard-alone", files);
        assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(200);
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentName("guard-alone").singleResult();
        deployed.add(deployment.getId());
        assertThat(repositoryService.getDeploymentResources(deployment.getId())).extracting(Resource::getName)
                .anySatisfy(n -> assertThat(n).endsWith("triage-complaint.form"))
                .anySatisfy(n -> assertThat(n).endsWith("settlement-approval.dmn"));
        assertThat(repositoryService.createDecisionDefinitionQuery().deploymentId(deployment.getId()).decisionDefinitionKey("settlement-approval")
                .count()).isOne();
    }

    @Test
    void aNewVersionThatKeepsTheLatestVersionsTagIsRefused() {
        String first = process("<bpmn:task id=\"Task_One\" name=\"One\" />").replace("<bpmn:process ", "<bpmn:process camunda:versionTag=\"2026.12-a\" ");
        HttpResponse<String> deploy = multipart("/engine-rest/deployment/create", "admin", "admin", "guard-tag-a", Map.of("guard-probe.bpmn", first));
        assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(200);
        deployed.add(repositoryService.createDeploymentQuery().deploymentName("guard-tag-a").singleResult().getId());

        String changed = first.replace("name=\"One\"", "name=\"One, renamed\"");
        HttpResponse<String> sameTag = multipart("/engine-rest/deployment/create", "admin", "admin", "guard-tag-b", Map.of("guard-probe.bpmn", changed));
        assertThat(sameTag.statusCode()).isEqualTo(400);
        assertThat(sameTag.body()).contains("guard-probe.bpmn: guard-probe camunda:versionTag '2026.12-a' is the tag of version 1 already");

        HttpResponse<String> ownTag = multipart("/engine-rest/deployment/create", "admin", "admin", "guard-tag-b",
                Map.of("guard-probe.bpmn", changed.replace("2026.12-a", "2026.12-b")));
        assertThat(ownTag.statusCode()).as(ownTag.body()).isEqualTo(200);
        deployed.add(repositoryService.createDeploymentQuery().deploymentName("guard-tag-b").singleResult().getId());
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("guard-probe").latestVersion().singleResult()
                .getVersionTag()).isEqualTo("2026.12-b");
    }

    @Test
    void theDryRunIsForProcessOwnersOnly() {
        Map<String, String> files = Map.of("guard-probe.bpmn", process("<bpmn:task id=\"Task_Nothing\" name=\"Nothing\" />"));
        assertThat(multipart("/staff/models/check", "zhang.wei", "demo", "x", files).statusCode()).isEqualTo(403);
        assertThat(multipart("/staff/models/check", null, null, "x", files).statusCode()).isEqualTo(401);
    }

    // ---- helpers ----

    private static String process(String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="Definitions_GuardProbe" targetNamespace="http://complaintdesk.com/bpmn">
                  <bpmn:process id="guard-probe" name="Guard probe" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_Probe" name="Probe" />
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(elements);
    }

    /** The text as it appears in a JSON string (quotes and the like escaped by Jackson's rules for our characters). */
    private static String json(String text) {
        return text.replace("\"", "\\\"");
    }

    /** A multipart POST as Camunda Modeler sends it: deployment-name, deploy-changed-only, one part per file. */
    private HttpResponse<String> multipart(String path, String user, String password, String deploymentName, Map<String, String> files) {
        String boundary = "----guard" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n")
                .append(deploymentName).append("\r\n");
        files.forEach((name, content) -> body.append("--").append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"; filename=\"").append(name)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
