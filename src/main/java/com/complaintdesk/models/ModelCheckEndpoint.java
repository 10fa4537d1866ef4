package com.complaintdesk.models;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.config.StaffRequests;
import com.complaintdesk.identity.Departments;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The dry run of a deployment for process owners (scripts/deploy --check): the same multipart request as the engine's
 * /engine-rest/deployment/create, the same check as the deployment guard, nothing deployed. 200 with
 * {"deployable": true} and what the deployment would take from the deployed models; 400 with one line per problem.
 */
@RestController
class ModelCheckEndpoint {

    static final String ADMIN_GROUP = "camunda-admin";

    private final ProcessEngine processEngine;
    private final IdentityService identityService;
    private final DeploymentCheck check;

    ModelCheckEndpoint(ProcessEngine processEngine, DeploymentCheck check) {
        this.processEngine = processEngine;
        this.identityService = processEngine.getIdentityService();
        this.check = check;
    }

    @PostMapping(path = "/staff/models/check", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> check(HttpServletRequest request) {
        String user = StaffRequests.staffUser(identityService,
                group -> group.equals(ADMIN_GROUP) || group.equals(Departments.COMPLAINT_MANAGERS));
        if (user == null || !StaffRequests.fromThisSite(request)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message",
                    BundleWords.both("models.check.forbidden")));
        }
        Map<String, byte[]> resources = resources(request);
        if (resources.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("message",
                    BundleWords.both("models.check.noFiles")));
        }
        Command<DeploymentCheck.Report> dryRun = commandContext -> check.check(resources, commandContext, true);
        DeploymentCheck.Report report = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(dryRun);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deployable", report.deployable());
        body.put("problems", report.problems());
        body.put("takenFromDeployed", report.borrowed().stream().map(DeploymentCheck.Borrowed::name).toList());
        return ResponseEntity.status(report.deployable() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(body);
    }

    /** Every file part, by its file name (as the engine REST API names deployment resources). */
    private static Map<String, byte[]> resources(HttpServletRequest request) {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            return resources;
        }
        for (List<MultipartFile> files : multipart.getMultiFileMap().values()) {
            for (MultipartFile file : files) {
                String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? file.getName() : file.getOriginalFilename();
                try {
                    resources.put(name, file.getBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return resources;
    }
}
