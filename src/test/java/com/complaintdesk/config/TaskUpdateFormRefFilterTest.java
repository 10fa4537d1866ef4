package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TaskUpdateFormRefFilterTest {

    private static final String TASK = """
            {"id":"t1","name":"分诊投诉 Triage complaint","due":"2026-12-03T17:00:00.000+0800","followUp":null,
             "camundaFormRef":{"key":"triage-complaint","binding":"deployment","version":null},"formKey":null}""";

    private final TaskUpdateFormRefFilter filter = new TaskUpdateFormRefFilter();

    @Test
    void tasklistsTaskUpdateReachesTheEngineWithoutTheFormReferenceAndWithEverythingElse() throws Exception {
        JsonNode forwarded = new ObjectMapper().readTree(forward("PUT", "/camunda/api/engine/engine/default/task/t1", TASK));

        assertThat(forwarded.has("camundaFormRef")).isFalse();
        assertThat(forwarded.get("due").asText()).isEqualTo("2026-12-03T17:00:00.000+0800");
        assertThat(forwarded.get("name").asText()).isEqualTo("分诊投诉 Triage complaint");
    }

    @Test
    void otherRequestsPassUntouched() throws Exception {
        assertThat(forward("POST", "/engine-rest/task/t1/complete", TASK)).isEqualTo(TASK);
        assertThat(forward("PUT", "/engine-rest/task/t1/variables/x", TASK)).isEqualTo(TASK);
        assertThat(forward("PUT", "/engine-rest/task/t1", "not json")).isEqualTo("not json");
    }

    private String forward(String method, String uri, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        AtomicReference<String> received = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (ServletRequest req, jakarta.servlet.ServletResponse res) ->
                received.set(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
        return received.get();
    }
}
