package com.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.portal.PortalApi.Filed;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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

/**
 * The portal speaks to the merchant in the page's language (Accept-Language): labels instead of our codes, validation
 * messages in that language, the offer with its reason and the day to answer by, the outcome once closed, the
 * agreement's text, and a contact line with the personal-information notice.
 */
@ComplaintDeskSpringTest
@SuppressWarnings("unchecked")
class PortalLanguageTest {

    @Autowired TestRestTemplate http;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;

    PortalApi api;

    @BeforeEach
    void setUp() {
        api = new PortalApi(http, taskService, identityService);
    }

    private ResponseEntity<Map<String, Object>> view(Filed filed, String language) {
        HttpHeaders headers = headers(language);
        headers.set("X-Access-Code", filed.code());
        return http.exchange("/api/complaints/" + filed.number(), HttpMethod.GET, new HttpEntity<>(headers), PortalApi.JSON);
    }

    private static HttpHeaders headers(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return headers;
    }

    private static List<Map<String, Object>> list(Map<String, Object> body, String name) {
        return (List<Map<String, Object>>) body.get(name);
    }

    @Test
    void validationMessagesAreInThePagesLanguage() {
        Map<String, Object> complaint = PortalApi.complaint(PortalApi.merchant(), "TECHNICAL_FAULT");
        complaint.remove("category");
        complaint.put("complainantPhone", "abc");
        for (String language : List.of("zh-CN", "en")) {
            HttpHeaders headers = headers(language);
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<Map<String, Object>> refused = http.exchange("/api/complaints", HttpMethod.POST,
                    new HttpEntity<>(complaint, headers), PortalApi.JSON);
            assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
            Map<String, String> messages = new java.util.HashMap<>();
            list(refused.getBody(), "errors").forEach(e -> messages.put((String) e.get("field"), (String) e.get("message")));
            if (language.equals("en")) {
                assertThat(messages).containsEntry("category", "must not be null")
                        .containsEntry("complainantPhone", "must be a phone number of 5 to 30 digits");
            } else {
                assertThat(messages).as("not 问题类别: must not be null").containsEntry("category", "必填")
                        .containsEntry("complainantPhone", "须为 5 到 30 位数字的电话号码");
            }
        }
    }

    @Test
    void refusalsOfTheServiceSpeakThePagesLanguageAndNameTheFieldsLabel() {
        Map<String, Object> complaint = PortalApi.complaint(PortalApi.merchant(), "TECHNICAL_FAULT");
        complaint.put("complainantName", "Chen\u0007");
        Map<String, Map<String, Object>> answers = new java.util.HashMap<>();
        for (String language : java.util.Arrays.asList("zh-CN", "en", null)) {
            HttpHeaders headers = language == null ? headers("en") : headers(language);
            if (language == null) {
                headers.remove(HttpHeaders.ACCEPT_LANGUAGE);
            }
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<Map<String, Object>> refused = http.exchange("/api/complaints", HttpMethod.POST,
                    new HttpEntity<>(complaint, headers), PortalApi.JSON);
            assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(400);
            answers.put(String.valueOf(language), refused.getBody());
        }
        assertThat(answers.get("zh-CN")).containsEntry("detail", "部分内容缺失或有误");
        assertThat(list(answers.get("zh-CN"), "errors")).containsExactly(
                Map.of("field", "complainantName", "label", "联系人姓名", "message", "不得包含控制字符"));
        assertThat(list(answers.get("en"), "errors")).containsExactly(
                Map.of("field", "complainantName", "label", "Contact name", "message", "must not contain control characters"));
        assertThat(answers.get("null")).as("an integrator naming no language reads English, as before")
                .containsEntry("detail", "Some fields are missing or wrong");
        assertThat(list(answers.get("null"), "errors").get(0)).containsEntry("message", "must not contain control characters");

        // a conflict of the service (the survey before the complaint is closed) and a wrong type, in Chinese
        Filed filed = api.fileOk(PortalApi.merchant(), "TECHNICAL_FAULT");
        HttpHeaders headers = headers("zh-CN");
        headers.set("X-Access-Code", filed.code());
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map<String, Object>> early = http.exchange("/api/complaints/" + filed.number() + "/survey", HttpMethod.POST,
                new HttpEntity<>(Map.of("score", 4), headers), PortalApi.JSON);
        assertThat(early.getStatusCode().value()).isEqualTo(409);
        assertThat(early.getBody()).containsEntry("detail", "投诉结案后才能评价");
        ResponseEntity<Map<String, Object>> wrongType = http.exchange("/api/complaints/" + filed.number() + "/settlement-response",
                HttpMethod.POST, new HttpEntity<>(Map.of("answer", "ACCEPT", "counterAmount", "viel"), headers), PortalApi.JSON);
        assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
        assertThat(list(wrongType.getBody(), "errors")).containsExactly(
                Map.of("field", "counterAmount", "label", "期望金额（元，还价时必填）", "message", "须为数字"));
    }

    @Test
    void theTimelineAndStatusShowLabelsInTheLanguageAskedFor() {
        Filed filed = api.fileOk(PortalApi.merchant(), "TECHNICAL_FAULT");

        Map<String, Object> zh = view(filed, "zh-CN").getBody();
        Map<String, Object> en = view(filed, "en").getBody();

        assertThat(zh).containsEntry("status", "REGISTERED").containsEntry("statusLabel", "已登记").containsEntry("categoryLabel", "技术故障");
        assertThat(en).containsEntry("statusLabel", "Registered").containsEntry("categoryLabel", "Technical fault");
        assertThat(list(zh, "timeline")).extracting(e -> e.get("title")).containsExactly("投诉已登记");
        assertThat(list(en, "timeline")).extracting(e -> e.get("title")).containsExactly("Complaint registered");
    }

    @Test
    void anOfferShowsItsRemedyReasonAndTheDayToAnswerByAndTheAgreementItsText() {
        Filed filed = api.fileOk(PortalApi.merchant(), "SERVICE_QUALITY");
        api.offerCompensation(filed.number());

        Map<String, Object> offer = (Map<String, Object>) view(filed, "en").getBody().get("offer");
        assertThat(offer).containsEntry("remedy", "COMPENSATION").containsEntry("remedyLabel", "Compensation")
                .containsEntry("reason", "goodwill for poor service");
        assertThat(offer.get("answerBy")).as("the negotiation task's due date").asString().matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(((Map<String, Object>) view(filed, "zh-CN").getBody().get("offer"))).containsEntry("remedyLabel", "赔偿");
        Map<String, Object> routed = view(filed, "zh-CN").getBody();
        assertThat(list(routed, "timeline").toString()).as("labels, not codes")
                .doesNotContain("customer-service (priority", "COMPENSATION", "AGENT_MISCONDUCT").contains("赔偿 Compensation");

        assertThat(api.answer(filed, Map.of("answer", "ACCEPT")).getStatusCode().value()).isEqualTo(200);
        List<Map<String, Object>> agreements = list(view(filed, "zh-CN").getBody(), "agreements");
        assertThat(agreements).hasSize(1);
        String text = (String) agreements.get(0).get("text");
        assertThat(text).as("the agreement's text, readable").contains(filed.number()).contains("赔偿 Compensation");
        assertThat(agreements.get(0).get("sha256")).isEqualTo(sha256(text));
        assertThat(agreements.get(0)).containsEntry("signed", false);
    }

    @Test
    void aClosedComplaintShowsItsOutcomeAndWhatWeWrote() {
        String merchant = PortalApi.merchant();
        Filed original = api.fileOk(merchant, "TECHNICAL_FAULT");
        Filed duplicate = api.fileOk(merchant, "TECHNICAL_FAULT");
        api.closeAsDuplicate(duplicate.number(), original.number(), "TECHNICAL_FAULT");

        assertThat(view(duplicate, "zh-CN").getBody()).containsEntry("outcome", "DUPLICATE").containsEntry("outcomeLabel", "重复投诉")
                .extractingByKey("closingSummary").asString().contains(original.number());
        assertThat(view(duplicate, "en").getBody()).containsEntry("outcomeLabel", "Duplicate of another complaint");
        assertThat(list(view(duplicate, "en").getBody(), "timeline").toString()).doesNotContain("DUPLICATE");
    }

    @Test
    void theNoticeGivesTheContactLineAndThePersonalInformationNoticeInEachLanguage() {
        ResponseEntity<Map<String, Object>> zh = http.exchange("/api/portal/notice", HttpMethod.GET, new HttpEntity<>(headers("zh-CN")),
                PortalApi.JSON);
        ResponseEntity<Map<String, Object>> en = http.exchange("/api/portal/notice", HttpMethod.GET, new HttpEntity<>(headers("en")),
                PortalApi.JSON);

        assertThat(zh.getStatusCode().value()).isEqualTo(200);
        assertThat((String) zh.getBody().get("privacy")).contains("个人信息", "个人信息保护法", "查阅、复制、更正或删除").containsPattern("保存 \\d+ 年");
        assertThat((String) zh.getBody().get("contact")).isNotBlank();
        assertThat((String) en.getBody().get("privacy")).contains("Personal information", "PIPL").containsPattern("for \\d+ years");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
