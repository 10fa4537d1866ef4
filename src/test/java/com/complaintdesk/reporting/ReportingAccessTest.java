package com.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.CockpitSession;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.SeededComplaints;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who gets the reports: the Cockpit plugin's resources answer complaint managers and administrators and refuse other
 * departments (403), its script is served to Cockpit; /staff/reports gives the KPIs to managers and the regulator's
 * files also to compliance-legal; /actuator/prometheus and the rest of the actuator are for complaint managers and
 * administrators (401 without a login, 403 for other staff) while /actuator/health stays open.
 */
@ComplaintDeskSpringTest
class ReportingAccessTest {

    static final String PLUGIN = "/camunda/api/cockpit/plugin/complaint-desk-reporting";
    static final String MARCH = "from=2031-03-01&to=2031-03-31&channel=WALK_IN";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    private SeededComplaints seeded;

    @AfterEach
    void removeSeeded() {
        if (seeded != null) {
            seeded.deleteAll();
        }
    }

    @Test
    void theCockpitPluginAnswersManagersAndAdministratorsAndRefusesOtherDepartments() {
        seeded = new SeededComplaints(jdbc);
        KpiQueriesTest.seedMarch(seeded);

        HttpResponse<String> script = Http.on(port).get(PLUGIN + "/static/app/plugin.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("pluginPoint: 'cockpit.dashboard'", "pluginPoint: 'cockpit.processDefinition.diagram.plugin'");

        CockpitSession manager = CockpitSession.logIn(port, "cockpit", "sun.li", "demo");
        assertThat(manager.loginStatus()).isEqualTo(200);
        HttpResponse<String> kpis = manager.get(PLUGIN + "/default/kpis?" + MARCH);
        assertThat(kpis.statusCode()).isEqualTo(200);
        assertThat(kpis.body()).contains("\"decisions\":{\"decided\":4,\"withDeadline\":4,\"inTime\":3,\"inTimeShare\":0.75,\"medianHours\":120,\"p90Hours\":528}")
                .contains("\"date\":\"2031-03-02\",\"opened\":2");
        HttpResponse<String> waiting = manager.get(PLUGIN + "/default/waiting?processDefinitionKey=complaint-lifecycle");
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.body()).contains("\"processDefinitionKey\":\"complaint-lifecycle\"", "\"activities\":[");
        HttpResponse<String> register = manager.get(PLUGIN + "/default/register.csv?" + MARCH);
        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(register.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"complaint-register-2031-03-01-2031-03-31.csv\"");
        assertThat(register.body().split("\r\n")).hasSize(7);
        assertThat(manager.get(PLUGIN + "/default/kpis?from=yesterday").statusCode()).isEqualTo(400);
        assertThat(manager.get(PLUGIN + "/default/kpis?from=yesterday").body()).contains("\"field\":\"from\"");
        assertThat(manager.get(PLUGIN + "/default/waiting").body()).contains("\"field\":\"processDefinitionKey\"");

        CockpitSession admin = CockpitSession.logIn(port, "cockpit", "admin", "admin");
        assertThat(admin.get(PLUGIN + "/default/kpis?" + MARCH).statusCode()).isEqualTo(200);

        // customer service and compliance-legal have no Cockpit; signed in to Tasklist they still get nothing from the plugin
        for (String user : new String[] {"wang.fang", "chen.jing", "zhang.wei"}) {
            CockpitSession other = CockpitSession.logIn(port, "tasklist", user, "demo");
            assertThat(other.loginStatus()).as(user).isEqualTo(200);
            for (String path : new String[] {"/kpis?" + MARCH, "/waiting?processDefinitionKey=complaint-lifecycle", "/register.xlsx?" + MARCH}) {
                HttpResponse<String> refused = other.get(PLUGIN + "/default" + path);
                assertThat(refused.statusCode()).as("%s %s", user, path).isEqualTo(403);
                assertThat(refused.body()).doesNotContain("decisions", "activities", "投诉编号");
            }
        }
        // without a session Cockpit's security filter stops it before the plugin
        assertThat(Http.on(port).get(PLUGIN + "/default/kpis").statusCode()).isIn(401, 403);
    }

    @Test
    void theStaffReportsAnswerManagersAndComplianceLegalAndRefuseOthers() {
        seeded = new SeededComplaints(jdbc);
        KpiQueriesTest.seedMarch(seeded);

        assertThat(Http.on(port).as("sun.li", "demo").get("/staff/reports/kpis?" + MARCH).statusCode()).isEqualTo(200);
        assertThat(Http.on(port).as("chen.jing", "demo").get("/staff/reports/kpis?" + MARCH).statusCode()).isEqualTo(403);
        assertThat(Http.on(port).as("wang.fang", "demo").get("/staff/reports/kpis?" + MARCH).statusCode()).isEqualTo(403);

        for (String user : new String[] {"sun.li", "chen.jing"}) {
            HttpResponse<String> statistics = Http.on(port).as(user, "demo").get("/staff/reports/statistics.csv?period=2031-03&channel=WALK_IN");
            assertThat(statistics.statusCode()).as(user).isEqualTo(200);
            assertThat(statistics.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
            assertThat(statistics.body()).startsWith("\uFEFF期间 Period,投诉类别 Category,渠道 Channel,受理 Received,办结 Closed")
                    .contains("合计 Total,,6,4,");
            HttpResponse<String> xlsx = Http.on(port).as(user, "demo").get("/staff/reports/register.xlsx?period=2031-Q1&channel=WALK_IN");
            assertThat(xlsx.statusCode()).as(user).isEqualTo(200);
            assertThat(xlsx.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"complaint-register-2031-01-01-2031-03-31.xlsx\"");
        }
        for (String user : new String[] {"wang.fang", "zhang.wei", "zhao.lei"}) {
            assertThat(Http.on(port).as(user, "demo").get("/staff/reports/register.csv?period=2031-03").statusCode()).as(user).isEqualTo(403);
        }
        HttpResponse<String> bad = Http.on(port).as("sun.li", "demo").get("/staff/reports/statistics.csv?period=March");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"period\"");
        assertThat(Http.on(port).get("/staff/reports/kpis").statusCode()).isEqualTo(401);
    }

    @Test
    void prometheusIsForOperatorsAndShowsTheKpisJobsIncidentsAndOutbox() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator"}) {
            assertThat(Http.on(port).get(path).statusCode()).as(path + " without a login").isEqualTo(401);
            for (String user : new String[] {"wang.fang", "zhang.wei", "zhao.lei", "chen.jing"}) {
                HttpResponse<String> refused = Http.on(port).as(user, "demo").get(path);
                assertThat(refused.statusCode()).as(path + " as " + user).isEqualTo(403);
                assertThat(refused.body()).doesNotContain("complaintdesk_");
            }
        }
        assertThat(Http.on(port).as("no.such.user", "wrong").get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(Http.on(port).get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(Http.on(port).get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(Http.on(port).as("zhang.wei", "demo").get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(Http.on(port).as("sun.li", "demo").get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(Http.on(port).as("sun.li", "demo").get("/actuator/prometheus").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = Http.on(port).as("admin", "admin").get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("complaintdesk_complaints_open ", "complaintdesk_complaints_open_department{department=\"technical-support\"}",
                "complaintdesk_decisions_in_time_ratio_30d", "complaintdesk_engine_incidents", "complaintdesk_engine_jobs_due",
                "complaintdesk_engine_job_executor_total{metric=\"job-successful\"}", "complaintdesk_outbox_messages{status=\"FAILED\"}",
                "complaintdesk_retention_removed_total{kind=\"complaints\"}", "complaintdesk_satisfaction_score_30d");
    }
}
