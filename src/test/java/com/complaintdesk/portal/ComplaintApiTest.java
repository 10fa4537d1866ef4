package com.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.TimelineEntry;
import com.complaintdesk.portal.PortalApi.Filed;
import com.complaintdesk.portal.PortalApi.NamedFile;
import com.complaintdesk.settlement.ProposalRepository;
import com.complaintdesk.settlement.SettlementProposal;
import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public API end to end on the shared context: every endpoint's success path and the state it leaves behind. */
@ComplaintDeskSpringTest
@SuppressWarnings("unchecked")
class ComplaintApiTest {

    @Autowired TestRestTemplate http;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired ComplaintRecords records;
    @Autowired ProposalRepository proposals;
    @Autowired JdbcClient jdbc;

    PortalApi api;

    @BeforeEach
    void setUp() {
        api = new PortalApi(http, taskService, identityService);
    }

    @Test
    void filingAnswers201WithNumberAccessCodeAndDecisionDueDateAndKeepsOnlyASaltedHashOfTheCode() {
        ResponseEntity<Map<String, Object>> response = api.file(PortalApi.complaint(PortalApi.merchant(), "TECHNICAL_FAULT"), null);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        Map<String, Object> body = response.getBody();
        String number = (String) body.get("complaintNumber");
        String code = (String) body.get("accessCode");
        assertThat(number).matches("CP-\\d{8}-\\d{6}");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
        assertThat(body.get("status")).isEqualTo("REGISTERED");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/complaints/" + number);
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");

        Complaint complaint = records.get(number);
        assertThat(complaint.getChannel()).isEqualTo(Channel.ONLINE);
        LocalDate registered = complaint.getRegisteredAt().atZone(BusinessTime.ZONE).toLocalDate();
        // ONLINE: 15 calendar days (DMN complaint-deadlines), the day the record holds
        assertThat(body.get("decisionDueDate")).isEqualTo(registered.plusDays(15).toString())
                .isEqualTo(complaint.getDecisionDueAt().atZone(BusinessTime.ZONE).toLocalDate().toString());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isOne();
        assertThat(api.task(number, "Task_TriageComplaint")).isNotNull();

        Map<String, Object> stored = jdbc.sql("select salt, code_hash from portal_access where complaint_id = :id")
                .param("id", complaint.getId()).query().singleRow();
        assertThat(stored.get("code_hash").toString()).hasSize(64).doesNotContain(code.replace("-", ""))
                .isEqualTo(AccessCodes.hash(stored.get("salt").toString(), code));
        assertThat(api.viewOk(new Filed(number, code.toLowerCase().replace("-", ""))).get("complaintNumber"))
                .as("the code is read without hyphens and in any case").isEqualTo(number);
    }

    @Test
    void theSameIdempotencyKeyAndBodyGetTheSameComplaintAndAnswerOnce() {
        Map<String, Object> request = PortalApi.complaint(PortalApi.merchant(), "FEE_DISPUTE");
        String key = UUID.randomUUID().toString();
        long before = count("complaint");

        ResponseEntity<Map<String, Object>> first = api.file(request, key);
        ResponseEntity<Map<String, Object>> again = api.file(request, key);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("complaint")).isEqualTo(before + 1);
        String sealed = jdbc.sql("select sealed_code from idempotent_request").query(String.class).list().toString();
        assertThat(sealed).doesNotContain((String) first.getBody().get("accessCode"));
        assertThat(jdbc.sql("select count(*) from idempotent_request where key_hash = :k").param("k", key).query(Long.class).single())
                .as("the key itself is not stored").isZero();
    }

    @Test
    void followingShowsStatusDeadlineThePublicTimelineOnlyAndThatNothingWaits() {
        String merchant = PortalApi.merchant();
        api.fileOk(merchant, "TECHNICAL_FAULT");
        Filed second = api.fileOk(merchant, "TECHNICAL_FAULT"); // has an internal "possible duplicate" note

        Map<String, Object> view = api.viewOk(second);

        assertThat(view).containsEntry("complaintNumber", second.number()).containsEntry("status", "REGISTERED")
                .containsEntry("category", "TECHNICAL_FAULT").containsEntry("filesLeft", 20).containsEntry("surveyOpen", false);
        assertThat(view.get("decisionDueDate")).asString().matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat((List<Object>) view.get("waitingFor")).isEmpty();
        assertThat(view.get("offer")).isNull();
        List<Map<String, Object>> timeline = list(view, "timeline");
        assertThat(timeline).extracting(e -> e.get("milestone")).containsExactly("REGISTERED");
        assertThat(timeline.get(0).get("detail").toString()).as("labels, not codes").contains("线上 Online", "技术故障 Technical fault")
                .doesNotContain("TECHNICAL_FAULT");
        List<TimelineEntry> all = records.timelineOf(records.get(second.number()));
        assertThat(all).filteredOn(e -> !e.isPublicEntry()).extracting(TimelineEntry::getDetail)
                .anySatisfy(detail -> assertThat(detail).contains("Possible duplicate"));
        assertThat(timeline.toString()).doesNotContain("Possible duplicate");
    }

    @Test
    void aWrongAccessCodeAnswersExactlyLikeAnUnknownNumber() {
        Filed filed = api.fileOk(PortalApi.merchant(), "OTHER");
        String unknown = "CP-19990101-999999";

        ResponseEntity<String> wrongCode = http.exchange("/api/complaints/" + filed.number(), org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers("AAAA-BBBB-CCCC-DDDD")), String.class);
        ResponseEntity<String> unknownNumber = http.exchange("/api/complaints/" + unknown, org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers(filed.code())), String.class);

        assertThat(wrongCode.getStatusCode().value()).isEqualTo(404);
        assertThat(unknownNumber.getStatusCode().value()).isEqualTo(404);
        assertThat(wrongCode.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknownNumber.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        // the body differs only in the path the client asked for (RFC 9457 "instance")
        assertThat(wrongCode.getBody().replace(filed.number(), "N")).isEqualTo(unknownNumber.getBody().replace(unknown, "N"));
        assertThat(wrongCode.getBody()).contains("No complaint with this number and access code");
        // the other endpoints too
        assertThat(api.upload(new Filed(filed.number(), "WRONG"), new NamedFile("a.png", PortalApi.png(4, 4))).getStatusCode().value())
                .isEqualTo(404);
        assertThat(api.answer(new Filed(filed.number(), "WRONG"), Map.of("answer", "ACCEPT")).getStatusCode().value()).isEqualTo(404);
        assertThat(api.survey(new Filed(filed.number(), "WRONG"), Map.of("score", 5)).getStatusCode().value()).isEqualTo(404);
        assertThat(count("evidence_file where evidence_id in (select id from evidence where complaint_id = "
                + records.get(filed.number()).getId() + ")")).isZero();
    }

    @Test
    void evidenceSentWhileTheComplaintWaitsForItIsStoredAndGoesToReview() throws Exception {
        Filed filed = api.fileOk(PortalApi.merchant(), "TECHNICAL_FAULT");
        api.askForEvidence(filed.number(), "TECHNICAL_FAULT");
        Map<String, Object> waiting = api.viewOk(filed);
        assertThat(waiting).containsEntry("status", "AWAITING_EVIDENCE");
        assertThat((List<Object>) waiting.get("waitingFor")).containsExactly("EVIDENCE");

        byte[] photo = PortalApi.png(40, 30);
        ResponseEntity<Map<String, Object>> response = api.upload(filed,
                List.of(new NamedFile("小票 4111 1111 1111 1111.png", photo)), Map.of("description", "屏幕黑屏 black screen"));

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        Map<String, Object> view = response.getBody();
        assertThat(view).containsEntry("status", "UNDER_INVESTIGATION").containsEntry("filesLeft", 19);
        assertThat((List<Object>) view.get("waitingFor")).isEmpty();
        Map<String, Object> item = list(view, "evidence").get(0);
        assertThat(item).containsEntry("fileName", "小票 411111******1111.png").containsEntry("contentType", "image/png")
                .containsEntry("evidenceType", "FAULT_PHOTO").containsEntry("sizeBytes", photo.length)
                .containsEntry("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo)));
        assertThat(list(view, "timeline")).extracting(e -> e.get("milestone")).contains("EVIDENCE_REQUESTED", "EVIDENCE_RECEIVED");
        assertThat(api.task(filed.number(), "Task_ReviewEvidence")).as("message EvidenceSubmitted moved the process on").isNotNull();
        Complaint complaint = records.get(filed.number());
        byte[] stored = jdbc.sql("select f.content from evidence_file f join evidence e on e.id = f.evidence_id where e.complaint_id = :id")
                .param("id", complaint.getId()).query((rs, n) -> rs.getBytes(1)).single();
        assertThat(stored).isEqualTo(photo);
    }

    @Test
    void evidenceSentWhenNothingWaitsForItIsRecordedOnlyAndSpreadsheetsAreRecognisedByContent() throws Exception {
        Filed filed = api.fileOk(PortalApi.merchant(), "FEE_DISPUTE");
        byte[] csv = "日期,金额,手续费\n2026-01-05,1000.00,7.80\n2026-01-06,500.00,3.90\n".getBytes(StandardCharsets.UTF_8);

        ResponseEntity<Map<String, Object>> response = api.upload(filed,
                new NamedFile("statement.csv", csv), new NamedFile("C:\\Users\\me\\流水", xlsx()));

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        assertThat(list(response.getBody(), "evidence")).extracting(e -> e.get("fileName"), e -> e.get("contentType"), e -> e.get("evidenceType"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("statement.csv", "text/csv", "TRANSACTION_RECORD"),
                        org.assertj.core.groups.Tuple.tuple("流水.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "TRANSACTION_RECORD"));
        assertThat(response.getBody()).containsEntry("status", "REGISTERED");
        assertThat(api.task(filed.number(), "Task_TriageComplaint")).as("still at triage: nothing waited").isNotNull();
    }

    @Test
    void aCounterOfferAnswersTheWaitingSettlementAndIsRecordedMasked() {
        Filed filed = api.fileOk(PortalApi.merchant(), "SERVICE_QUALITY");
        api.offerCompensation(filed.number());
        Map<String, Object> waiting = api.viewOk(filed);
        assertThat(waiting).containsEntry("status", "AWAITING_COMPLAINANT");
        assertThat((List<Object>) waiting.get("waitingFor")).containsExactly("SETTLEMENT_RESPONSE");
        assertThat((Map<String, Object>) waiting.get("offer")).containsEntry("remedy", "COMPENSATION").containsEntry("amount", 200.0)
                .containsEntry("round", 1);

        ResponseEntity<Map<String, Object>> response = api.answer(filed, Map.of("answer", "COUNTER", "counterAmount", 350,
                "counterReason", "<b>损失更大</b> card 6222 0212 3456 7894 was charged twice"));

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("status", "UNDER_INVESTIGATION");
        SettlementProposal proposal = proposals.findByComplaintIdOrderByRoundAsc(records.get(filed.number()).getId()).get(0);
        assertThat(proposal.getStatus()).isEqualTo(SettlementProposal.Status.COUNTERED);
        assertThat(proposal.getCounterAmount()).isEqualByComparingTo("350.00");
        assertThat(proposal.getCounterReason()).isEqualTo("<b>损失更大</b> card 622202******7894 was charged twice");
        assertThat(api.task(filed.number(), "Task_ProposeResolution")).as("a new proposal round").isNotNull();
        assertThat(list(response.getBody(), "timeline")).extracting(e -> e.get("detail").toString())
                .anySatisfy(d -> assertThat(d).contains("还价 Counter-offer ¥350.00").contains("<b>损失更大</b>").doesNotContain("6222 0212"));
    }

    @Test
    void anAcceptanceLeadsToTheAgreementAndAnAnswerWhenNothingWaitsIs409() {
        Filed filed = api.fileOk(PortalApi.merchant(), "SERVICE_QUALITY");
        ResponseEntity<Map<String, Object>> early = api.answer(filed, Map.of("answer", "ACCEPT"));
        assertThat(early.getStatusCode().value()).isEqualTo(409);
        assertThat(early.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        api.offerCompensation(filed.number());
        ResponseEntity<Map<String, Object>> accepted = api.answer(filed, Map.of("answer", "ACCEPT"));

        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(accepted.getBody()).containsEntry("status", "SETTLEMENT_AGREED");
        assertThat(api.task(filed.number(), "Task_SignAgreement")).isNotNull();
        assertThat(api.answer(filed, Map.of("answer", "REJECT")).getStatusCode().value()).as("answered already").isEqualTo(409);
    }

    @Test
    void apiIntakeLinksASuspectedDuplicateAndTheSurveyIsGivenOnceAfterClosure() {
        String merchant = PortalApi.merchant();
        Filed original = api.fileOk(merchant, "TECHNICAL_FAULT");
        Filed duplicate = api.fileOk(merchant, "TECHNICAL_FAULT");
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(duplicate.number()).singleResult().getId();
        assertThat(runtimeService.getVariable(instance, "suspectedDuplicateOf")).isEqualTo(original.number());

        ResponseEntity<Map<String, Object>> tooEarly = api.survey(duplicate, Map.of("score", 4));
        assertThat(tooEarly.getStatusCode().value()).isEqualTo(409);
        assertThat(tooEarly.getBody().get("detail").toString()).contains("closed");

        api.closeAsDuplicate(duplicate.number(), original.number(), "TECHNICAL_FAULT");
        Map<String, Object> closed = api.viewOk(duplicate);
        assertThat(closed).containsEntry("status", "CLOSED").containsEntry("outcome", "DUPLICATE").containsEntry("surveyOpen", true)
                .containsEntry("filesLeft", 0);
        assertThat(api.upload(duplicate, new NamedFile("late.png", PortalApi.png(4, 4))).getStatusCode().value())
                .as("a closed complaint takes no evidence").isEqualTo(409);

        ResponseEntity<Map<String, Object>> survey = api.survey(duplicate, Map.of("score", 4,
                "comment", "处理及时 quick; my card 4111111111111111"));
        assertThat(survey.getStatusCode().value()).as("%s", survey.getBody()).isEqualTo(201);
        assertThat(survey.getBody()).containsEntry("score", 4).containsEntry("complaintNumber", duplicate.number());
        assertThat(jdbc.sql("select comment_text from complaint_survey where complaint_id = :id")
                .param("id", records.get(duplicate.number()).getId()).query(String.class).single())
                .isEqualTo("处理及时 quick; my card 411111******1111");
        assertThat(api.survey(duplicate, Map.of("score", 1)).getStatusCode().value()).as("once only").isEqualTo(409);
        assertThat(api.viewOk(duplicate)).containsEntry("surveyOpen", false);
    }

    @Test
    void htmlInTextIsStoredAsTextAndReturnedAsJsonString() {
        Map<String, Object> request = PortalApi.complaint(PortalApi.merchant(), "OTHER");
        request.put("description", "<script>alert('x')</script> & <img src=x onerror=alert(1)>");
        ResponseEntity<Map<String, Object>> response = api.file(request, null);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(records.get((String) response.getBody().get("complaintNumber")).getDescription())
                .isEqualTo("<script>alert('x')</script> & <img src=x onerror=alert(1)>");
    }

    @Test
    void theOpenApiDescriptionCoversThePublicApiAndSwaggerUiAndThePortalPageAreServed() {
        ResponseEntity<Map<String, Object>> docs = http.exchange("/v3/api-docs", org.springframework.http.HttpMethod.GET, null, PortalApi.JSON);
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> paths = (Map<String, Object>) docs.getBody().get("paths");
        assertThat(paths).containsOnlyKeys("/api/complaints", "/api/complaints/{number}", "/api/complaints/{number}/evidence",
                "/api/complaints/{number}/settlement-response", "/api/complaints/{number}/survey", "/api/portal/notice",
                "/api/portal/words");
        assertThat(docs.getBody().toString()).contains("multipart/form-data", "ComplaintRequest", "X-Access-Code", "Idempotency-Key");
        assertThat((String) ((Map<String, Object>) docs.getBody().get("info")).get("description"))
                .startsWith("商户在线投诉 Merchants file and follow complaints about POS terminals: file a complaint, send evidence");
        assertThat((List<Map<String, Object>>) docs.getBody().get("tags")).as("the tag's words, from the bundles")
                .containsExactly(Map.of("name", "Complaints", "description", "投诉 File and follow a complaint about a POS terminal"));
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) docs.getBody().get("components")).get("schemas");
        Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) ((Map<String, Object>) schemas.get("ComplaintRequest")).get("properties");
        assertThat(fields.get("merchantId")).as("a field's label: the portal's words for it").containsEntry("description", "商户号 Merchant number");
        assertThat(fields.get("contractedRatePercent")).containsEntry("description", "签约费率 (%) Contracted rate (%). For fee disputes");

        ResponseEntity<String> ui = http.getForEntity("/swagger-ui.html", String.class);
        assertThat(ui.getStatusCode().value()).isEqualTo(200);
        assertThat(ui.getBody()).contains("swagger-ui");

        ResponseEntity<String> portal = http.getForEntity("/portal/", String.class);
        assertThat(portal.getStatusCode().value()).isEqualTo(200);
        assertThat(portal.getBody()).as("its words come from /api/portal/words").contains("data-i18n=\"page.title\"", "lang=\"zh-CN\"", "portal.js");
        assertThat(portal.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(portal.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(http.getForEntity("/portal/portal.js", String.class).getBody()).contains("textContent").doesNotContain("innerHTML");
    }

    // ---- helpers ----

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    private static org.springframework.http.HttpHeaders headers(String code) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.set("X-Access-Code", code);
        return headers;
    }

    /** A minimal XLSX: a ZIP with [Content_Types].xml and xl/workbook.xml. */
    static byte[] xlsx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
