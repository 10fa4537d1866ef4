package com.complaintdesk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Tasklist save a task whose form is a Camunda Form (due and follow-up dates, owner, name). Tasklist sends back
 * the whole task it read, {@code camundaFormRef} included; the engine REST API of Camunda 7.24 cannot read that field
 * back (its type is an interface Jackson cannot build), so every such update fails with "The task could not be saved"
 * (fixed in Operaton, operaton#3659). The update never changes the form reference, so this filter drops the field
 * from the body of {@code PUT .../task/{id}} (the webapps' engine API and /engine-rest) before the engine reads it.
 * Remove it once the engine reads the field itself.
 */
@Component
class TaskUpdateFormRefFilter extends OncePerRequestFilter {

    static final String FIELD = "camundaFormRef";
    private static final Pattern TASK_UPDATE = Pattern.compile(".*/task/[^/]+/?$");

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"PUT".equals(request.getMethod()) || !TASK_UPDATE.matcher(request.getRequestURI()).matches()
                || request.getContentType() == null || !request.getContentType().contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        byte[] forwarded = body;
        try {
            JsonNode task = json.readTree(body);
            if (task instanceof ObjectNode object && object.has(FIELD)) {
                object.remove(FIELD);
                forwarded = json.writeValueAsBytes(object);
            }
        } catch (IOException notJson) {
            // not ours to judge: the engine answers malformed JSON itself
        }
        chain.doFilter(new RequestWithBody(request, forwarded), response);
    }
}
