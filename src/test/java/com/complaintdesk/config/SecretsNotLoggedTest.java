package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.Http;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Passwords never reach the log: not on a Tasklist login with a wrong password, not in an HTTP Basic header, not in
 * a request body. Everything the application logs while these requests run is captured and searched.
 */
@ComplaintDeskSpringTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTest {

    private static final String USER = "log.probe";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;

    private final String password = "Pw-" + UUID.randomUUID();
    private final String wrongPassword = "Wrong-" + UUID.randomUUID();

    @BeforeEach
    void createUser() {
        User user = identityService.newUser(USER);
        user.setPassword(password);
        identityService.saveUser(user);
    }

    @AfterEach
    void deleteUser() {
        identityService.deleteUser(USER);
    }

    @Test
    void neitherTheRightNorAWrongPasswordIsLogged(CapturedOutput output) {
        LoggerFactory.getLogger(SecretsNotLoggedTest.class).warn("log capture is on");

        // the right password: a REST call as the user, and the password in a request body (identity check)
        assertThat(Http.on(port).as(USER, password).get("/engine-rest/process-definition").statusCode()).isEqualTo(200);
        HttpResponse<String> verified = Http.on(port).as("admin", "admin").postJson("/engine-rest/identity/verify",
                "{\"username\": \"" + USER + "\", \"password\": \"" + password + "\"}");
        assertThat(verified.body()).contains("\"authenticated\":true");

        // a wrong password: through the REST API, and at the Tasklist login form
        assertThat(Http.on(port).as(USER, wrongPassword).get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(tasklistLogin(wrongPassword).statusCode()).isEqualTo(401);

        assertThat(output.getAll()).contains("log capture is on");
        for (String secret : List.of(password, wrongPassword, basic(password), basic(wrongPassword),
                URLEncoder.encode(wrongPassword, StandardCharsets.UTF_8))) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    /** What the Tasklist login page does: fetch the page for the session and CSRF cookies, then post the form. */
    private HttpResponse<String> tasklistLogin(String secret) {
        HttpResponse<String> page = Http.on(port).get("/camunda/app/tasklist/default/");
        List<String> cookies = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList();
        String csrfToken = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11))
                .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from the Tasklist page: " + cookies));
        return Http.on(port).postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=" + USER + "&password=" + URLEncoder.encode(secret, StandardCharsets.UTF_8),
                "Cookie", String.join("; ", cookies), "X-XSRF-TOKEN", csrfToken);
    }

    private static String basic(String secret) {
        return Base64.getEncoder().encodeToString((USER + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
