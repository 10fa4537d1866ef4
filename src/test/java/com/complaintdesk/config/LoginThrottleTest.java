package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lockout attack: wrong passwords for a staff account from one address (127.0.0.2, another client than the tests'
 * 127.0.0.1) are answered 429 once that address has used its failures for the account, before the engine's lockout
 * count (loginMaxAttempts, 10) is reached; the engine never sees the refused ones. The real user, from their own
 * address, logs in once the engine's short login delay is over. The same holds for the web apps' login form.
 */
@ComplaintDeskSpringTest
class LoginThrottleTest {

    private static final String ATTACKER = "127.0.0.2";
    private static final int ENGINE_LOCKOUT = 10;

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Value("${complaint-desk.login.failures-per-account}") int failuresPerAccount;

    private final List<String> users = new ArrayList<>();

    @AfterEach
    void deleteUsers() {
        users.forEach(identityService::deleteUser);
    }

    @Test
    void wrongPasswordsFromOneAddressAre429BeforeTheLockoutAndTheRealUserStillLogsIn() {
        String user = newUser("right-password");
        assertThat(failuresPerAccount).as("below the engine's lockout").isLessThan(ENGINE_LOCKOUT);

        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < ENGINE_LOCKOUT + 2; i++) {
            answers.add(RawHttp.from(ATTACKER, port).send("GET", "/engine-rest/task", null, -1, basic(user, "guess-" + i)).status());
        }
        assertThat(answers.subList(0, failuresPerAccount)).containsOnly(401);
        assertThat(answers.subList(failuresPerAccount, answers.size())).containsOnly(429);
        RawHttp.Answer refused = RawHttp.from(ATTACKER, port).send("GET", "/staff/notifications", null, -1, basic(user, "guess"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.body()).contains("Too many failed logins");
        // the engine counted at most those let through (fewer: during its login delay it refuses without counting)
        assertThat(attempts(user)).as("failed logins the engine counted").isBetween(1, failuresPerAccount);

        // the real user, from another address, once the engine's login delay after the last counted failure is over
        await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofSeconds(1)).until(() -> delayOver(user));
        assertThat(Http.on(port).as(user, "right-password").get("/engine-rest/task").statusCode()).isEqualTo(200);
        assertThat(attempts(user)).as("a successful login resets the engine's count").isZero();
    }

    @Test
    void theWebAppsLoginFormIsThrottledTheSameWay() {
        String user = newUser("right-password");
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < failuresPerAccount + 2; i++) {
            answers.add(tasklistLogin(user, "guess-" + i));
        }
        assertThat(answers.subList(0, failuresPerAccount)).containsOnly(401);
        assertThat(answers.subList(failuresPerAccount, answers.size())).containsOnly(429);
        assertThat(attempts(user)).isBetween(1, failuresPerAccount);

        // another account from the same address is not refused for this one's failures, and a right password goes in
        assertThat(tasklistLogin("li.na", "demo")).isEqualTo(200);
    }

    /**
     * An integrator's parallel requests with the right password: once one has logged in from an address, many at once
     * from there pass (each in flight used to hold one of the account's failures: the sixth simultaneous one was 429);
     * wrong passwords from that address are still counted and refused.
     */
    @Test
    void simultaneousRequestsWithTheRightPasswordAreNotRefused() throws Exception {
        String integrator = "127.0.0.3";
        String user = newUser("right-password");
        assertThat(RawHttp.from(integrator, port).send("GET", "/engine-rest/task", null, -1, basic(user, "right-password")).status())
                .isEqualTo(200);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                answers.add(clients.submit(() -> RawHttp.from(integrator, port)
                        .send("GET", "/engine-rest/task", null, -1, basic(user, "right-password")).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(200);
        } finally {
            clients.shutdownNow();
        }
        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < failuresPerAccount + 1; i++) {
            guesses.add(RawHttp.from(integrator, port).send("GET", "/engine-rest/task", null, -1, basic(user, "guess-" + i)).status());
        }
        assertThat(guesses.subList(0, failuresPerAccount)).containsOnly(401);
        assertThat(guesses.get(failuresPerAccount)).isEqualTo(429);
    }

    /** What the Tasklist login page does, from the attacker's address: fetch the page for its cookies, post the form. */
    private int tasklistLogin(String user, String password) {
        RawHttp attacker = RawHttp.from(ATTACKER, port);
        RawHttp.Answer page = attacker.send("GET", "/camunda/app/tasklist/default/", null, -1);
        List<String> cookies = page.headers().lines().filter(line -> line.regionMatches(true, 0, "Set-Cookie:", 0, 11))
                .map(line -> line.substring(11).strip().split(";", 2)[0]).toList();
        String csrfToken = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11)).findFirst().orElseThrow();
        byte[] form = ("username=" + user + "&password=" + password).getBytes(StandardCharsets.UTF_8);
        return attacker.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form, -1,
                "Content-Type: application/x-www-form-urlencoded", "Cookie: " + String.join("; ", cookies),
                "X-XSRF-TOKEN: " + csrfToken).status();
    }

    private String newUser(String password) {
        User user = identityService.newUser("throttle." + System.nanoTime());
        user.setPassword(password);
        identityService.saveUser(user);
        users.add(user.getId());
        return user.getId();
    }

    /** The engine's count of failed logins (UserEntity: what the lockout compares with loginMaxAttempts). */
    private int attempts(String user) {
        return ((UserEntity) identityService.createUserQuery().userId(user).singleResult()).getAttempts();
    }

    private boolean delayOver(String user) {
        Date until = ((UserEntity) identityService.createUserQuery().userId(user).singleResult()).getLockExpirationTime();
        return until == null || until.before(new Date());
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
