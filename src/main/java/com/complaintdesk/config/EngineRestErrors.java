package com.complaintdesk.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/** An error answer in the engine REST API's own shape ({@code {"type", "message"}}), written by our filters. */
final class EngineRestErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineRestErrors() {
    }

    static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("type", type).put("message", message);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
