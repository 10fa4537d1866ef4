package com.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.portal.PortalApi.Filed;
import com.complaintdesk.portal.PortalApi.NamedFile;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input of every kind gets a 4xx application/problem+json that names the fields at fault, and leaves nothing
 * behind: the complaint, evidence, file, access, idempotency and survey rows and the process instances are counted
 * before and after each case.
 */
@ComplaintDeskSpringTest
class BadInputTest {

    private static final List<String> TABLES = List.of("complaint", "complaint_transaction", "timeline_entry", "evidence",
            "evidence_file", "portal_access", "idempotent_request", "complaint_survey");

    @Autowired TestRestTemplate http;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;

    PortalApi api;

    @BeforeEach
    void setUp() {
        api = new PortalApi(http, taskService, identityService);
    }

    @Test
    void malformedOrMistypedComplaintsAreRefusedWithTheFieldNamed() {
        rejected(400, () -> api.fileRaw("{\"complainantName\": \"张三\", ", MediaType.APPLICATION_JSON));
        rejected(400, () -> api.fileRaw("[1, 2]", MediaType.APPLICATION_JSON));
        rejected(400, () -> api.fileRaw("", MediaType.APPLICATION_JSON));
        rejected(400, () -> api.file(with("category", "ROBOT"), null), "category");
        rejected(400, () -> api.file(with("viaSalesPromotion", "yes"), null), "viaSalesPromotion");
        rejected(400, () -> api.file(with("contractedRatePercent", "abc"), null), "contractedRatePercent");
        rejected(400, () -> api.file(with("transactions", "TX-1"), null), "transactions");
        rejected(400, () -> api.file(with("transactions", List.of(Map.of("reference", "TX-1", "amount", "lots", "feeCharged", 1))), null),
                "transactions[0].amount");
        rejected(400, () -> api.file(with("channel", "HOTLINE"), null), "channel");
        rejected(415, () -> api.fileRaw("complainantName=张三", MediaType.TEXT_PLAIN));
    }

    @Test
    void missingOverlongAndControlCharacterFieldsAreNamedEachOne() {
        rejected(400, () -> api.file(Map.of(), null),
                "category", "complainantName", "complainantPhone", "description", "merchantId");
        Map<String, Object> overlong = valid();
        overlong.put("complainantName", "张".repeat(101));
        overlong.put("description", "x".repeat(2001));
        overlong.put("merchantId", "M".repeat(41));
        rejected(400, () -> api.file(overlong, null), "complainantName", "description", "merchantId");
        rejected(400, () -> api.file(with("complainantPhone", "call me"), null), "complainantPhone");
        rejected(400, () -> api.file(with("complainantEmail", "not-an-email"), null), "complainantEmail");
        Map<String, Object> control = valid();
        control.put("complainantName", "张\u0000三");
        control.put("merchantId", "M-1\u0007");
        control.put("description", "right-to-left override \u202Egnp.exe");
        rejected(400, () -> api.file(control, null), "complainantName", "description", "merchantId");
        rejected(400, () -> api.file(with("transactions", Arrays.asList((Object) null)), null), "transactions[0]");
        rejected(400, () -> api.file(with("transactions", List.of(Map.of("reference", "TX-1", "amount", -5, "feeCharged", 1))), null),
                "transactions[0].amount");
    }

    @Test
    void anIdempotencyKeyReplayedWithAnotherBodyIs422AndABadKeyIs400() {
        String key = UUID.randomUUID().toString();
        assertThat(api.file(valid(), key).getStatusCode().value()).isEqualTo(201);

        rejected(422, () -> api.file(with("description", "another matter altogether"), key), "Idempotency-Key");
        rejected(400, () -> api.file(valid(), "has spaces in it"), "Idempotency-Key");
        rejected(400, () -> api.file(valid(), "short"), "Idempotency-Key");
    }

    @Test
    void filesThatAreNotWhatTheyClaimTooLargeOrTooManyAreRefusedAndNoneOfTheUploadIsStored() {
        Filed filed = api.fileOk(PortalApi.merchant(), "TECHNICAL_FAULT");
        byte[] png = PortalApi.png(8, 8);
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] exe = new byte[200];
        exe[0] = 'M';
        exe[1] = 'Z';

        rejected(415, () -> api.upload(filed, new NamedFile("photo.png", exe)), "files[0]");
        rejected(415, () -> api.upload(filed, new NamedFile("photo.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))),
                "files[0]");
        rejected(415, () -> api.upload(filed, new NamedFile("photo.png", pdf)), "files[0]");
        rejected(415, () -> api.upload(filed, new NamedFile("good.png", png), new NamedFile("bad.png", exe)), "files[1]");
        rejected(400, () -> api.upload(filed, new NamedFile("empty.png", new byte[0])), "files[0]");
        rejected(413, () -> api.upload(filed, new NamedFile("big.pdf", padded(pdf, 10 * 1024 * 1024 + 1))), "files[0]");
        rejected(400, () -> api.upload(filed, List.of(), Map.of("description", "no file")), "files");
        rejected(400, () -> api.upload(filed, List.of(new NamedFile("a.png", png)), Map.of("evidenceType", "SELFIE")), "evidenceType");
        rejected(400, () -> api.upload(filed, List.of(new NamedFile("a.png", png)), Map.of("description", "bell\u0007")), "description");
        rejected(400, () -> api.upload(filed, List.of(new NamedFile("a.png", png)), Map.of("description", "d".repeat(2001))), "description");
        rejected(415, () -> api.postJson("/api/complaints/" + filed.number() + "/evidence", filed.code(), Map.of("files", "a.png")));
        rejected(400, () -> http.exchange("/api/complaints/" + filed.number() + "/evidence", HttpMethod.POST,
                new HttpEntity<>(PortalApi.multipart(List.of(new NamedFile("a.png", png)), Map.of()), multipartWithoutCode()),
                PortalApi.JSON), "X-Access-Code");

        List<NamedFile> nineteen = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            nineteen.add(new NamedFile("photo-" + i + ".png", png));
        }
        assertThat(api.upload(filed, nineteen, Map.of()).getStatusCode().value()).isEqualTo(201);
        rejected(409, () -> api.upload(filed, new NamedFile("20.png", png), new NamedFile("21.png", png)), "files");
        assertThat(api.upload(filed, new NamedFile("20.png", png)).getStatusCode().value()).as("the 20th still fits").isEqualTo(201);
        rejected(409, () -> api.upload(filed, new NamedFile("21.png", png)), "files");
    }

    @Test
    void badSettlementAnswersAndSurveysAreRefused() {
        Filed filed = api.fileOk(PortalApi.merchant(), "SERVICE_QUALITY");
        api.offerCompensation(filed.number());

        rejected(400, () -> api.answer(filed, Map.of("answer", "MAYBE")), "answer");
        rejected(400, () -> api.answer(filed, Map.of()), "answer");
        rejected(400, () -> api.answer(filed, Map.of("answer", "COUNTER")), "counterAmount");
        rejected(400, () -> api.answer(filed, Map.of("answer", "COUNTER", "counterAmount", -10)), "counterAmount");
        rejected(400, () -> api.answer(filed, Map.of("answer", "COUNTER", "counterAmount", "much")), "counterAmount");
        rejected(400, () -> api.answer(filed, Map.of("answer", "ACCEPT", "counterAmount", 10)), "counterAmount");
        rejected(400, () -> api.answer(filed, Map.of("answer", "REJECT", "counterReason", "r".repeat(2001))), "counterReason");
        rejected(400, () -> api.answer(filed, Map.of("answer", "REJECT", "counterReason", "esc\u001B[2J")), "counterReason");
        assertThat(api.task(filed.number(), "Task_NegotiateSettlement")).as("the offer still waits").isNotNull();

        rejected(400, () -> api.survey(filed, Map.of("score", 6)), "score");
        rejected(400, () -> api.survey(filed, Map.of("score", 0)), "score");
        rejected(400, () -> api.survey(filed, Map.of("score", 4.5)), "score");
        rejected(400, () -> api.survey(filed, Map.of("score", "five")), "score");
        rejected(400, () -> api.survey(filed, Map.of("score", 4, "comment", "c".repeat(2001))), "comment");
        rejected(409, () -> api.survey(filed, Map.of("score", 4)));
    }

    // ---- helpers ----

    /** The call answers the status as problem+json naming exactly these fields, and nothing is stored or started. */
    private void rejected(int status, Supplier<ResponseEntity<Map<String, Object>>> call, String... fields) {
        Map<String, Long> before = counts();
        ResponseEntity<Map<String, Object>> response = call.get();
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", status).containsKey("title");
        if (fields.length > 0) {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
            assertThat(errors).as("%s", response.getBody()).extracting(e -> e.get("field")).containsExactlyInAnyOrder(fields);
            assertThat(errors).allSatisfy(e -> assertThat(e.get("message")).isNotBlank());
        }
        assertThat(counts()).as("nothing stored, no process started").isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single()));
        counts.put("process instances", historyService.createHistoricProcessInstanceQuery().count());
        return counts;
    }

    private static Map<String, Object> valid() {
        return PortalApi.complaint(PortalApi.merchant(), "TECHNICAL_FAULT");
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(valid());
        body.put(field, value);
        return body;
    }

    private static byte[] padded(byte[] start, int size) {
        return Arrays.copyOf(start, size);
    }

    private static HttpHeaders multipartWithoutCode() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return headers;
    }
}
