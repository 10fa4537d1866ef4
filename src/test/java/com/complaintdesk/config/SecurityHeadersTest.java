package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.Http;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The standard security headers on every response (the engine REST API, the OpenAPI description, Swagger UI,
 * Actuator, the staff pages, the portal, errors), one of each; Camunda's web apps keep their own
 * Content-Security-Policy (Tasklist and Cockpit work with it); HSTS under the https profile; a malformed Origin on a
 * staff or engine POST is refused (403), not a 500.
 */
@ComplaintDeskSpringTest
class SecurityHeadersTest {

    @LocalServerPort int port;

    @Test
    void everyResponseHasTheStandardHeadersOnce() {
        Http anonymous = Http.on(port);
        Http admin = Http.on(port).as("admin", "admin");
        List<HttpResponse<String>> responses = List.of(
                admin.get("/engine-rest/engine"),
                anonymous.get("/engine-rest/task"),
                admin.postJson("/engine-rest/task/no-such-task/complete", "{}"),
                anonymous.get("/v3/api-docs"),
                anonymous.get("/swagger-ui/index.html"),
                anonymous.get("/actuator/health"),
                anonymous.get("/actuator/no-such-endpoint"),
                admin.get("/staff/notifications"),
                anonymous.get("/api/complaints/CP-20261126-000001"),
                anonymous.get("/portal/"),
                anonymous.get("/camunda/app/tasklist/default/"),
                anonymous.get("/no-such-page"));
        for (HttpResponse<String> response : responses) {
            String what = response.request().method() + " " + response.uri().getPath() + " (" + response.statusCode() + ")";
            assertThat(response.headers().allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
            assertThat(response.headers().allValues("X-Frame-Options")).as(what).containsExactly("DENY");
            assertThat(response.headers().allValues("Referrer-Policy")).as(what).hasSize(1);
            assertThat(response.headers().allValues("Content-Security-Policy")).as(what).singleElement()
                    .satisfies(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS over plain HTTP without the https profile").isEmpty();
        }
    }

    @Test
    void camundasWebAppsKeepTheirOwnContentSecurityPolicy() {
        HttpResponse<String> tasklist = Http.on(port).get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(200);
        assertThat(tasklist.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src", "'strict-dynamic'", "frame-ancestors 'none'"));
        assertThat(tasklist.body()).contains("nonce=");
    }

    @Test
    void underTheHttpsProfileEveryResponseHasHsts() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeaders(31536000L).doFilter(new MockHttpServletRequest("GET", "/engine-rest/engine"), response, new MockFilterChain());
        assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void aMalformedOriginOnAStaffOrEnginePostIs403() {
        Http staff = Http.on(port).as("wang.fang", "demo");
        for (String origin : List.of("http://exa mple.com", "http://[::1", "null", "file://", "://")) {
            assertThat(staff.postForm("/staff/notifications/1/retry", "", "Origin", origin).statusCode()).as(origin).isEqualTo(403);
            assertThat(Http.on(port).as("admin", "admin").postJson("/engine-rest/process-instance/count", "{}", "Origin", origin)
                    .statusCode()).as(origin).isEqualTo(403);
        }
    }
}
