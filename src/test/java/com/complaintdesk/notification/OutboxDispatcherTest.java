package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.Mailbox;
import com.complaintdesk.support.RegisteredComplaints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's dispatcher against the real SMTP server: one dispatcher per row at a time, messages kept and retried
 * while the server is down and delivered once when it is back, and a message that keeps failing made FAILED, logged,
 * counted by the health component and listed for staff, who can send it again.
 */
@ComplaintDeskSpringTest
@ExtendWith(OutputCaptureExtension.class)
class OutboxDispatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired IntakeService intake;
    @Autowired NotificationDispatcher dispatcher;
    @Autowired OutboxRepository outbox;
    @Autowired NotificationsHealthIndicator health;
    @Autowired MailServerStatus mailStatus;
    @Autowired GreenMail mailServer;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;

    private final RegisteredComplaints registered = new RegisteredComplaints();

    @AfterEach
    void mailServerRunsAgainAndProcessesEnd() {
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
        registered.endProcesses(runtimeService);
    }

    @Test
    void aRowIsHeldByOneDispatcherAtATimeAndOnlyTheHolderRecordsTheResult() {
        // due tomorrow, so the application's own dispatcher leaves it alone
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        long id = transaction().execute(status -> outbox.save(new OutboxMessage(null, null, MessageType.TASK_REMINDER,
                DeliveryChannel.EMAIL, "nobody@complaintdesk.example", "s", "b", "TEST:" + UUID.randomUUID(), tomorrow))).getId();
        Instant lease = tomorrow.plus(Duration.ofMinutes(5));

        assertThat(claim(id, "node-a", tomorrow, lease)).isEqualTo(1);
        assertThat(claim(id, "node-b", tomorrow.plusSeconds(60), lease)).as("held by node-a").isZero();
        assertThat(markSent(id, "node-b", tomorrow)).as("not the holder").isZero();

        Instant afterLease = lease.plusSeconds(1);
        assertThat(claim(id, "node-b", afterLease, afterLease.plus(Duration.ofMinutes(5)))).as("node-a's lease ran out").isEqualTo(1);
        assertThat(markSent(id, "node-a", afterLease)).as("node-a lost it").isZero();
        assertThat(markSent(id, "node-b", afterLease)).isEqualTo(1);

        assertThat(claim(id, "node-c", afterLease.plus(Duration.ofDays(1)), afterLease.plus(Duration.ofDays(2))))
                .as("a sent row is never claimed again").isZero();
        OutboxMessage sent = outbox.findById(id).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.getAttempts()).isEqualTo(1);
        assertThat(sent.getClaimToken()).isNull();
    }

    @Test
    void competingDispatchersSendEachMessageOnce() throws Exception {
        // ten registrations committed at once, then two more dispatchers race the application's own for them
        List<String> numbers = transaction().execute(status -> {
            List<String> inOneGo = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                inOneGo.add(registered.add(intake.register(
                        AcknowledgementTest.registration("race" + i + "." + TestIds.digits() + "@example.com")).complaint().getComplaintNumber()));
            }
            return inOneGo;
        });
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> racers = List.of(race(start), race(start));
        start.countDown();
        CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> numbers.stream().allMatch(n -> acknowledgementsSent(n) == 2));
        Mailbox mailbox = new Mailbox(mailServer);
        for (String number : numbers) {
            assertThat(mailbox.about(number)).as("e-mails about %s", number).hasSize(1);
            assertThat(outbox.findByComplaintNumberOrderByIdAsc(number)).allSatisfy(m -> assertThat(m.getAttempts()).isEqualTo(1));
        }
    }

    @Test
    void messagesWrittenWhileTheMailServerIsDownAreRetriedAndArriveOnceWhenItIsBack() {
        mailServer.stop();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            numbers.add(registered.add(intake.register(AcknowledgementTest.registration("outage" + i + "." + TestIds.digits() + "@example.com"))
                    .complaint().getComplaintNumber()));
        }

        // the dispatcher keeps trying: two failed attempts each, the error kept, the message still pending
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers.stream().allMatch(n -> email(n).getAttempts() >= 2));
        mailServer.start();
        for (String number : numbers) {
            OutboxMessage waiting = email(number);
            assertThat(waiting.getStatus()).isIn(OutboxStatus.PENDING, OutboxStatus.SENT);
            assertThat(waiting.getLastError()).containsIgnoringCase("connect");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> numbers.stream().allMatch(n -> email(n).getStatus() == OutboxStatus.SENT));
        dispatcher.dispatchDue(); // nothing is left to send again
        Mailbox mailbox = new Mailbox(mailServer);
        for (String number : numbers) {
            assertThat(mailbox.about(number)).as("e-mails about %s", number).singleElement()
                    .satisfies(m -> assertThat(Mailbox.subject(m)).isEqualTo("投诉已受理 Complaint received: " + number));
        }
    }

    @Test
    void aMailServerOutageIsOneWarningWhenItGoesAndOneInfoWhenItIsBackHoweverManyMessagesWait(CapturedOutput output) {
        if (mailStatus.outage() != null) {
            mailStatus.reachable(); // an earlier test's outage the dispatcher has not seen end: the server runs (@AfterEach)
        }
        int from = output.getOut().length();
        mailServer.stop();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            numbers.add(registered.add(intake.register(AcknowledgementTest.registration("quiet" + i + "." + TestIds.digits() + "@example.com"))
                    .complaint().getComplaintNumber()));
        }
        // every message tried again and again while the server is down
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers.stream().allMatch(n -> email(n).getAttempts() >= 2));
        assertThat(health.health().getDetails().get("mailServer")).asString().startsWith("unreachable since");
        String down = output.getOut().substring(from);
        assertThat(lines(down, "WARN .*Mail server .* cannot be reached")).as(down).isOne();
        assertThat(lines(down, "WARN .*Notification .* not sent")).as("no line per message and attempt").isZero();

        int back = output.getOut().length();
        mailServer.start();
        // on a slow machine some may have used up their attempts meanwhile (one ERROR each): sent again, as staff would
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            numbers.stream().map(this::email).filter(m -> m.getStatus() == OutboxStatus.FAILED).forEach(m -> dispatcher.retryNow(m.getId()));
            return numbers.stream().allMatch(n -> email(n).getStatus() == OutboxStatus.SENT);
        });
        String up = output.getOut().substring(back);
        assertThat(lines(up, "INFO .*Mail server .* is reachable again")).as(up).isOne();
        assertThat(lines(up, "WARN .*Mail server")).isZero();
        assertThat(health.health().getDetails().get("mailServer")).isEqualTo("reachable");
    }

    private static long lines(String log, String pattern) {
        Pattern line = Pattern.compile(pattern);
        return log.lines().filter(l -> line.matcher(l).find()).count();
    }

    @Test
    void aMessageThatKeepsFailingIsFailedLoggedCountedAndListedForStaffWhoSendItAgain(CapturedOutput output) throws Exception {
        mailServer.stop();
        String number = registered.add(intake.register(AcknowledgementTest.registration("failing." + TestIds.digits() + "@example.com"))
                .complaint().getComplaintNumber());

        OutboxMessage failed = await().atMost(Duration.ofSeconds(60)).until(() -> email(number), m -> m.getStatus() == OutboxStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(8);
        assertThat(failed.getLastError()).containsIgnoringCase("connect");
        assertThat(failed.getSentAt()).isNull();
        assertThat(output).containsPattern("ERROR .*Notification " + failed.getId() + " \\(ACKNOWLEDGEMENT about " + number
                + " by EMAIL\\) FAILED after 8 attempts");

        // health: UP (a mail outage does not make the node unfit), the failure counted in the details
        Health outboxHealth = health.health();
        assertThat(outboxHealth.getStatus()).isEqualTo(Status.UP);
        assertThat((Long) outboxHealth.getDetails().get("failed")).isPositive();
        HttpResponse<String> overall = Http.on(port).get("/actuator/health");
        assertThat(JSON.readTree(overall.body()).at("/components/notifications/status").asText()).isEqualTo("UP");

        // staff see it, with the error, and send it again once the server is back
        Http staff = Http.on(port).as("wang.fang", "demo");
        assertThat(Http.on(port).get("/staff/notifications").statusCode()).isEqualTo(401);
        HttpResponse<String> page = staff.get("/staff/notifications");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("失败 Failed", number, "ACKNOWLEDGEMENT", "failing.", "onnect",
                "action=\"/staff/notifications/" + failed.getId() + "/retry\"");

        mailServer.start();
        String origin = "http://localhost:" + port;
        assertThat(staff.postForm("/staff/notifications/" + failed.getId() + "/retry", "", "Origin", "https://evil.example").statusCode())
                .as("a form from another site").isEqualTo(403);
        assertThat(email(number).getStatus()).isEqualTo(OutboxStatus.FAILED);
        HttpResponse<String> retried = staff.postForm("/staff/notifications/" + failed.getId() + "/retry", "", "Origin", origin);
        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(retried.headers().firstValue("Location")).hasValue("/staff/notifications?retried=" + failed.getId());

        await().atMost(Duration.ofSeconds(30)).until(() -> email(number).getStatus() == OutboxStatus.SENT);
        assertThat(new Mailbox(mailServer).about(number)).hasSize(1);
        assertThat(staff.get("/staff/notifications").body()).doesNotContain(number);
        assertThat(staff.postForm("/staff/notifications/" + failed.getId() + "/retry", "", "Origin", origin)
                .headers().firstValue("Location")).as("a sent message is not sent again").hasValue("/staff/notifications?busy=" + failed.getId());
    }

    @Test
    void onlyDepartmentStaffAndAdministratorsSeeThePage() {
        String outsider = "outsider." + TestIds.digits();
        User user = identityService.newUser(outsider);
        user.setPassword("outsider-password");
        identityService.saveUser(user);
        try {
            HttpResponse<String> refused = Http.on(port).as(outsider, "outsider-password").get("/staff/notifications");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("Only members of a department");
            assertThat(Http.on(port).as(outsider, "outsider-password").postForm("/staff/notifications/1/retry", "").statusCode())
                    .isEqualTo(403);
            assertThat(Http.on(port).as("admin", "admin").get("/staff/notifications").statusCode()).isEqualTo(200);
            assertThat(Http.on(port).as("sun.li", "demo").get("/staff/notifications").statusCode()).isEqualTo(200);
        } finally {
            identityService.deleteUser(outsider);
        }
    }

    private CompletableFuture<Void> race(CountDownLatch start) {
        return CompletableFuture.runAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (int i = 0; i < 5; i++) {
                dispatcher.dispatchDue();
            }
        });
    }

    private long acknowledgementsSent(String number) {
        return outbox.findByComplaintNumberOrderByIdAsc(number).stream()
                .filter(m -> m.getStatus() == OutboxStatus.SENT || m.getStatus() == OutboxStatus.SENT_TO_LOG).count();
    }

    private OutboxMessage email(String number) {
        return outbox.findByComplaintNumberOrderByIdAsc(number).stream()
                .filter(m -> m.getMessageType() == MessageType.ACKNOWLEDGEMENT && m.getChannel() == DeliveryChannel.EMAIL)
                .findFirst().orElseThrow();
    }

    private int claim(long id, String token, Instant now, Instant until) {
        Integer claimed = transaction().execute(status -> outbox.claim(id, token, OutboxStatus.PENDING, now, until));
        return claimed == null ? 0 : claimed;
    }

    private int markSent(long id, String token, Instant now) {
        Integer marked = transaction().execute(status -> outbox.markSent(id, token, OutboxStatus.SENT, now));
        return marked == null ? 0 : marked;
    }

    private TransactionTemplate transaction() {
        return new TransactionTemplate(transactionManager);
    }
}
