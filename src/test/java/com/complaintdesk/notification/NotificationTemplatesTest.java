package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.shared.Letters;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every message type has its template, with a subject, Chinese and English, and the values its callers give. */
class NotificationTemplatesTest {

    private final NotificationTemplates templates = new NotificationTemplates(new Letters());

    /** The values the callers give (MessageType) and the ones Notifications adds. */
    static Map<String, String> values() {
        Map<String, String> values = new HashMap<>(Map.ofEntries(
                Map.entry("complaintNumber", "CP-20261126-000042"), Map.entry("complainantName", "王小明"),
                Map.entry("category", "手续费争议 Fee dispute"), Map.entry("registeredDate", "2026-11-26"),
                Map.entry("portalUrl", "https://complaints.example/portal/"), Map.entry("outcome", "已撤回 Withdrawn"),
                Map.entry("closingSummary", "投诉人撤回 withdrawn"), Map.entry("decisionDate", "2026-12-11"),
                Map.entry("evidenceRound", "2"), Map.entry("previousDecisionDate", "2026-12-11"),
                Map.entry("extensionReason", "等待厂商检测 waiting for the manufacturer's test"), Map.entry("proposalRound", "1"),
                Map.entry("remedy", "退款 Refund"), Map.entry("amount", "¥18.00"), Map.entry("rationale", "多收手续费 overcharged"),
                Map.entry("agreementNumber", "CP-20261126-000042-A1"), Map.entry("agreementSha256", "ab".repeat(32)),
                Map.entry("executionDetail", "已支付 Paid 退款 Refund ¥18.00"), Map.entry("companyPosition", "费率符合合同 The rate matches the contract"),
                Map.entry("staffName", "王芳"), Map.entry("groupName", "客户服务部 Customer service"),
                Map.entry("tasklistUrl", "https://complaints.example/camunda/app/tasklist/default/"),
                Map.entry("taskName", "分诊投诉 Triage complaint"), Map.entry("taskId", "t-1"), Map.entry("dueDate", "2026-11-28 18:00"),
                Map.entry("elapsed", "50%"), Map.entry("taskUrl", "https://complaints.example/camunda/app/tasklist/default/#/?task=t-1"),
                Map.entry("baseUrl", "https://complaints.example"), Map.entry("regulator", "中国人民银行 12363 PBoC 12363"),
                Map.entry("regulatorReference", "PBOC-2026-1126-0001"), Map.entry("responseDueDate", "2026-12-07"),
                Map.entry("initiatedBy", "投诉人起诉 the complainant sued"), Map.entry("forum", "法院 court"),
                Map.entry("stage", "审批答复 Approve the response")));
        return values;
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void everyTypeRendersWithASubjectInBothLanguagesAndTheComplaintNumber(MessageType type) {
        NotificationTemplates.Rendered message = templates.render(type, values());

        assertThat(message.subject()).contains("CP-20261126-000042").matches(".*\\p{IsHan}.*").matches(".*[A-Za-z]{4,}.*")
                .doesNotContain("{{").doesNotContain("\n");
        assertThat(message.body()).contains("CP-20261126-000042").matches("(?s).*\\p{IsHan}.*").contains("Complaint Desk")
                .doesNotContain("{{");
        if (type.audience() == MessageType.Audience.COMPLAINANT) {
            assertThat(message.sms()).as("SMS of %s", type).contains("CP-20261126-000042").startsWith("【投诉中心】").doesNotContain("\n");
            assertThat(message.body()).startsWith("尊敬的王小明：\nDear 王小明,");
        } else {
            assertThat(message.sms()).as("staff messages go by e-mail only").isNull();
        }
    }

    @Test
    void theAcknowledgementSaysWhenTheDecisionIsDueAndHowToFollowTheComplaint() {
        NotificationTemplates.Rendered ack = templates.render(MessageType.ACKNOWLEDGEMENT, values());

        assertThat(ack.subject()).isEqualTo("投诉已受理 Complaint received: CP-20261126-000042");
        assertThat(ack.body()).contains("投诉编号 Complaint number: CP-20261126-000042", "答复期限 Decision due by: 2026-12-11",
                "我们已于2026-11-26受理您的投诉（类别：手续费争议 Fee dispute）",
                "请访问投诉门户 https://complaints.example/portal/，输入投诉编号 CP-20261126-000042",
                "Visit the complaint portal at https://complaints.example/portal/ and enter your complaint number CP-20261126-000042",
                "和在线提交时获得的查询码", "with the access code\nyou were given when filing online",
                "A complaint registered\nby phone or in person is followed through our customer service.");
        assertThat(ack.sms()).contains("我们将于2026-12-11前答复", "https://complaints.example/portal/", "decision by 2026-12-11");
    }

    @Test
    void theFinalResponseNamesTheRoutesOnward() {
        String body = templates.render(MessageType.FINAL_RESPONSE, values()).body();

        assertThat(body).contains("费率符合合同 The rate matches the contract", "12363", "People's Bank of China", "12315",
                "market regulator (SAMR)", "人民法院", "court", "arbitration");
    }

    @Test
    void theExtensionGivesBothDatesAndTheReason() {
        String body = templates.render(MessageType.EXTENSION, values()).body();

        assertThat(body).contains("原答复期限 Previous decision date: 2026-12-11", "新答复期限 New decision date: 2026-12-11",
                "原因 Why: 等待厂商检测 waiting for the manufacturer's test");
    }

    @Test
    void aValueWithLineBreaksStaysInTheBodyAndCannotAddAHeader() {
        Map<String, String> values = values();
        values.put("extensionReason", "厂商未答复\n\nBcc: attacker@example.com\nSMS: spoof");

        NotificationTemplates.Rendered message = templates.render(MessageType.EXTENSION, values);

        assertThat(message.subject()).isEqualTo("答复期限延长 Decision date extended: CP-20261126-000042");
        assertThat(message.sms()).doesNotContain("\n").contains("厂商未答复 Bcc: attacker@example.com SMS: spoof");
        assertThat(message.body()).contains("原因 Why: 厂商未答复\n\nBcc: attacker@example.com");
    }

    @Test
    void aLongReasonIsCutShortInTheSmsButNotInTheEmail() {
        Map<String, String> values = values();
        values.put("extensionReason", "需要厂商检测 manufacturer test needed. ".repeat(40));

        NotificationTemplates.Rendered message = templates.render(MessageType.EXTENSION, values);

        assertThat(message.sms()).hasSize(NotificationTemplates.MAX_SMS_LENGTH).endsWith("…").contains("2026-12-11", "需要厂商检测");
        assertThat(message.body()).contains(values.get("extensionReason").strip());
    }

    @Test
    void aMissingValueIsAnErrorThatNamesIt() {
        Map<String, String> values = values();
        values.remove("decisionDate");

        assertThatThrownBy(() -> templates.render(MessageType.ACKNOWLEDGEMENT, values))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("notifications/acknowledgement.txt")
                .hasMessageContaining("{{decisionDate}}");
    }
}
