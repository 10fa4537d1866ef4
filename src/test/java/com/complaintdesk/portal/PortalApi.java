package com.complaintdesk.portal;

import com.complaintdesk.support.TestIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ContentDisposition;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import java.nio.charset.StandardCharsets;

/** Calls of the public API and the staff steps that bring a complaint to where a test needs it. */
final class PortalApi {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final TestRestTemplate http;
    private final TaskService taskService;
    private final IdentityService identityService;

    PortalApi(TestRestTemplate http, TaskService taskService, IdentityService identityService) {
        this.http = http;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    /** A complaint filed online, with its access code. */
    record Filed(String number, String code) {
    }

    static Map<String, Object> complaint(String merchant, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("complainantName", "张三");
        body.put("complainantPhone", "13900139000");
        body.put("complainantEmail", "zhang.san@example.com");
        body.put("merchantId", merchant);
        body.put("terminalSerial", "T-" + merchant);
        body.put("category", category);
        body.put("viaSalesPromotion", false);
        body.put("description", "终端无法开机 The terminal will not power on");
        return body;
    }

    static String merchant() {
        return "M-" + TestIds.digits();
    }

    ResponseEntity<Map<String, Object>> file(Object body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/api/complaints", HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    /** A raw body, sent as it is (malformed JSON and the like). */
    ResponseEntity<Map<String, Object>> fileRaw(String body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return http.exchange("/api/complaints", HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    Filed fileOk(String merchant, String category) {
        ResponseEntity<Map<String, Object>> response = file(complaint(merchant, category), null);
        assertThat(response.getStatusCode().value()).as("filing: %s", response.getBody()).isEqualTo(201);
        return new Filed((String) response.getBody().get("complaintNumber"), (String) response.getBody().get("accessCode"));
    }

    ResponseEntity<Map<String, Object>> view(String number, String code) {
        return http.exchange("/api/complaints/" + number, HttpMethod.GET, new HttpEntity<>(codeHeader(code)), JSON);
    }

    Map<String, Object> viewOk(Filed filed) {
        ResponseEntity<Map<String, Object>> response = view(filed.number(), filed.code());
        assertThat(response.getStatusCode().value()).as("view: %s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    ResponseEntity<Map<String, Object>> upload(Filed filed, List<NamedFile> files, Map<String, String> fields) {
        HttpHeaders headers = codeHeader(filed.code());
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/complaints/" + filed.number() + "/evidence", HttpMethod.POST,
                new HttpEntity<>(multipart(files, fields), headers), JSON);
    }

    ResponseEntity<Map<String, Object>> upload(Filed filed, NamedFile... files) {
        return upload(filed, List.of(files), Map.of());
    }

    ResponseEntity<Map<String, Object>> answer(Filed filed, Object body) {
        return postJson("/api/complaints/" + filed.number() + "/settlement-response", filed.code(), body);
    }

    ResponseEntity<Map<String, Object>> survey(Filed filed, Object body) {
        return postJson("/api/complaints/" + filed.number() + "/survey", filed.code(), body);
    }

    ResponseEntity<Map<String, Object>> postJson(String path, String code, Object body) {
        HttpHeaders headers = codeHeader(code);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    /** A multipart body: each file as a part "files" with its name, then the text fields. */
    static MultiValueMap<String, Object> multipart(List<NamedFile> files, Map<String, String> fields) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        for (NamedFile file : files) {
            HttpHeaders part = new HttpHeaders();
            part.setContentType(MediaType.APPLICATION_OCTET_STREAM);
            part.setContentDisposition(ContentDisposition.formData().name("files").filename(file.name(), StandardCharsets.UTF_8).build());
            body.add("files", new HttpEntity<>(file.content(), part));
        }
        fields.forEach(body::add);
        return body;
    }

    private static HttpHeaders codeHeader(String code) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (code != null) {
            headers.set("X-Access-Code", code);
        }
        return headers;
    }

    // ---- files ----

    record NamedFile(String name, byte[] content) {
    }

    /** A real PNG, drawn with ImageIO. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, (x * 7 + y * 13) % 2 == 0 ? 0xCC2200 : 0x2255AA);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- staff steps ----

    void complete(String user, String group, String number, String taskKey, Map<String, Object> variables) {
        Task task = task(number, taskKey);
        as(user, group, () -> {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    Task task(String number, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("task %s of %s", taskKey, number).isNotNull();
        return task;
    }

    /** Triage asks for evidence: the complaint waits for it (AWAITING_EVIDENCE, Task_AwaitEvidence). */
    void askForEvidence(String number, String category) {
        complete("wang.fang", "customer-service", number, "Task_TriageComplaint", Map.of("category", category,
                "subCategory", subCategoryOf(category), "evidenceRequired", true, "isDuplicate", false, "viaSalesPromotion", false));
    }

    /** A service complaint investigated and offered ¥200 compensation (no approval needed): it waits for the answer. */
    void offerCompensation(String number) {
        complete("wang.fang", "customer-service", number, "Task_TriageComplaint", Map.of("category", "SERVICE_QUALITY",
                "subCategory", "RUDE_STAFF", "evidenceRequired", false, "isDuplicate", false, "viaSalesPromotion", false));
        complete("li.na", "customer-service", number, "Task_InvestigateServiceIssue", Map.of("findings", "agent was rude"));
        complete("li.na", "customer-service", number, "Task_ProposeResolution", Map.of("remedy", "COMPENSATION",
                "proposedAmount", 200.0, "proposalRationale", "goodwill for poor service", "rootCause", "AGENT_MISCONDUCT"));
    }

    /** Triage closes the complaint as a duplicate of another. */
    void closeAsDuplicate(String number, String originalNumber, String category) {
        complete("wang.fang", "customer-service", number, "Task_TriageComplaint", Map.of("category", category,
                "subCategory", subCategoryOf(category), "evidenceRequired", false, "isDuplicate", true, "duplicateOf", originalNumber));
    }

    /** A sub-category of the category, as the triage form asks for one. */
    private static String subCategoryOf(String category) {
        return switch (category) {
            case "TECHNICAL_FAULT" -> "CARD_READER";
            case "FEE_DISPUTE" -> "RATE_RAISED_WITHOUT_NOTICE";
            case "APPLICATION_PROCESS" -> "APPLICATION_DELAYED";
            case "BRAND_MARKETING" -> "MISLEADING_ADVERTISING";
            case "PRODUCT_QUALITY" -> "HARDWARE_DEFECT";
            case "SERVICE_QUALITY" -> "RUDE_STAFF";
            case "COMPLIANCE" -> "DATA_PRIVACY";
            default -> "OTHER";
        };
    }

    private <T> T as(String user, String group, Supplier<T> action) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
