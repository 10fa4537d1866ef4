package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The probes a load balancer or Kubernetes asks: liveness (the JVM answers) and readiness (the database, the engine
 * and its job executor), open to anyone, with each component's status and never its details.
 */
@ComplaintDeskSpringTest
class HealthProbesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;

    @Test
    void readinessIsUpWithTheDatabaseTheEngineAndTheJobExecutor() throws Exception {
        JsonNode readiness = upWithoutCredentials("/actuator/health/readiness");
        assertThat(readiness.get("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "db", "processEngine", "jobExecutor");
        readiness.get("components").forEach(component -> assertThat(component.get("status").asText()).isEqualTo("UP"));
    }

    @Test
    void livenessIsUp() throws Exception {
        // the application's own state only: a database outage makes the node unready, not dead
        upWithoutCredentials("/actuator/health/liveness");
    }

    @Test
    void overallHealthShowsComponentsButNoDetailsEvenToTheAdministrator() throws Exception {
        JsonNode health = upWithoutCredentials("/actuator/health");
        assertThat(health.get("components").fieldNames()).toIterable().contains("db", "processEngine", "jobExecutor");

        HttpResponse<String> asAdmin = Http.on(port).as("admin", "admin").get("/actuator/health");
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(asAdmin.body()).doesNotContain("\"details\"");
    }

    private JsonNode upWithoutCredentials(String path) throws Exception {
        HttpResponse<String> response = Http.on(port).get(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("\"details\"");
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        return health;
    }
}
