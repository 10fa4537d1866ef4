package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.RegisteredComplaints;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Clean answers of the engine REST API to integrators: a bad value in /engine-rest/message (unknown regulator, a
 * referral reference already recorded, an unknown legal forum) is 400 naming the field, with nothing written, where a
 * step that refuses it used to make a 500. (A lost race on task completion: StaffAccessTest.)
 */
@ComplaintDeskSpringTest
class EngineRestAnswersTest {

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcClient jdbc;

    private final RegisteredComplaints registered = new RegisteredComplaints();

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void badValuesInMessagesAre400NamingTheFieldAndWriteNothing() {
        String number = register(Category.SERVICE_QUALITY);
        Http integrator = Http.on(port).as("admin", "admin");
        long referralsBefore = count("regulator_referral");
        long casesBefore = count("legal_case");

        HttpResponse<String> unknownRegulator = integrator.postJson("/engine-rest/message", referral(number, "MOON_1", "REF-" + TestIds.digits()));
        assertThat(unknownRegulator.statusCode()).as(unknownRegulator.body()).isEqualTo(400);
        assertThat(unknownRegulator.body()).contains("regulator");

        HttpResponse<String> unknownForum = integrator.postJson("/engine-rest/message", """
                {"messageName": "LegalActionFiled", "businessKey": "%s",
                 "processVariables": {"legalInitiatedBy": {"value": "COMPLAINANT"}, "legalForum": {"value": "MOON"},
                   "legalNotice": {"value": "起诉状 statement of claim"}}}""".formatted(number));
        assertThat(unknownForum.statusCode()).as(unknownForum.body()).isEqualTo(400);
        assertThat(unknownForum.body()).contains("legalForum");
        assertThat(count("regulator_referral")).isEqualTo(referralsBefore);
        assertThat(count("legal_case")).isEqualTo(casesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).processDefinitionKey("complaint-lifecycle")
                .count()).as("the complaint goes on").isOne();

        // a reference already recorded for another complaint
        String reference = "PBOC-" + TestIds.digits();
        String first = register(Category.SERVICE_QUALITY);
        HttpResponse<String> recorded = integrator.postJson("/engine-rest/message", referral(first, "PBOC_12363", reference));
        assertThat(recorded.statusCode()).as(recorded.body()).isIn(200, 204);
        long referralsNow = count("regulator_referral");
        HttpResponse<String> duplicate = integrator.postJson("/engine-rest/message", referral(number, "PBOC_12363", reference));
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(400);
        assertThat(duplicate.body()).contains("regulatorReference", "already recorded");
        assertThat(count("regulator_referral")).isEqualTo(referralsNow);
    }

    private static String referral(String number, String regulator, String reference) {
        return """
                {"messageName": "RegulatorReferralReceived", "businessKey": "%s",
                 "processVariables": {"regulator": {"value": "%s"}, "regulatorReference": {"value": "%s"},
                   "referralReceivedOn": {"value": "2026-11-26"}, "referralSummary": {"value": "商户反映服务差 poor service"}}}"""
                .formatted(number, regulator, reference);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private String register(Category category) {
        return registered.add(intake.register(new ComplaintRegistration(Channel.HOTLINE, "深圳市应答测试商户", "13800138000", null,
                "M-" + TestIds.digits(), "T-2", category, false, "应答测试 answers test", null, List.of())).complaint().getComplaintNumber());
    }
}
