package com.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.deadline.BusinessCalendar;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Mailbox;
import com.complaintdesk.support.RegisteredComplaints;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration acknowledges the complaint by e-mail (through the real SMTP server) and SMS (recorded in the log), in
 * the registering transaction: written once however often the step runs, and not at all when it rolls back.
 */
@ComplaintDeskSpringTest
@ExtendWith(OutputCaptureExtension.class)
class AcknowledgementTest {

    private static final ZoneId SHANGHAI = BusinessTime.ZONE;

    @Autowired IntakeService intake;
    @Autowired Notifications notifications;
    @Autowired NotificationDispatcher dispatcher;
    @Autowired OutboxRepository outbox;
    @Autowired ComplaintRecords records;
    @Autowired GreenMail mailServer;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired RuntimeService runtimeService;

    private final RegisteredComplaints registered = new RegisteredComplaints();

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void theAcknowledgementGivesTheNumberTheDecisionDateAndHowToFollowTheComplaint(CapturedOutput output) {
        String email = "wang.xiaoming." + TestIds.digits() + "@example.com";
        Complaint complaint = intake.register(registration(email)).complaint();
        String number = registered.add(complaint.getComplaintNumber());
        LocalDate registeredOn = complaint.getRegisteredAt().atZone(SHANGHAI).toLocalDate();
        LocalDate due = BusinessCalendar.dateOf(complaint.getDecisionDueAt()); // the record's decision deadline
        assertThat(due).isAfter(registeredOn);

        MimeMessage ack = new Mailbox(mailServer).awaitOne(number, "投诉已受理");

        assertThat(Mailbox.subject(ack)).isEqualTo("投诉已受理 Complaint received: " + number);
        assertThat(Mailbox.recipients(ack)).containsExactly(email);
        assertThat(Mailbox.text(ack)).contains(
                "尊敬的王小明：", "Dear 王小明,",
                "我们已于" + registeredOn + "受理您的投诉（类别：手续费争议 Fee dispute）",
                "We received your complaint on " + registeredOn + " (category: 手续费争议 Fee dispute).",
                "投诉编号 Complaint number: " + number,
                "答复期限 Decision due by: " + due,
                "请访问投诉门户 http://localhost:8080/portal/，输入投诉编号 " + number,
                "Visit the complaint portal at http://localhost:8080/portal/ and enter your complaint number " + number);

        OutboxMessage sms = await().atMost(Duration.ofSeconds(30)).until(() -> row(number, DeliveryChannel.SMS),
                row -> row.getStatus() == OutboxStatus.SENT_TO_LOG);
        assertThat(sms.getRecipient()).isEqualTo("13800138000");
        assertThat(sms.getBody()).contains(number, "我们将于" + due + "前答复", "decision by " + due);
        assertThat(row(number, DeliveryChannel.EMAIL).getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(output).contains("no SMS provider configured: SMS to 138****8000 recorded, not sent")
                .doesNotContain("13800138000");
    }

    @Test
    void theSameStepRunTwiceWritesItsMessagesOnce() {
        Complaint complaint = intake.register(registration("twice." + TestIds.digits() + "@example.com")).complaint();
        String number = registered.add(complaint.getComplaintNumber());

        inTransaction(() -> {
            Complaint c = records.get(number);
            notifications.toComplainant(c, MessageType.EVIDENCE_REQUEST, Map.of("evidenceRound", "1"));
            notifications.toComplainant(c, MessageType.EVIDENCE_REQUEST, Map.of("evidenceRound", "1")); // the step again
            notifications.toComplainant(c, MessageType.EVIDENCE_REQUEST, Map.of("evidenceRound", "2")); // the next round
        });
        inTransaction(() -> notifications.toComplainant(records.get(number), MessageType.EVIDENCE_REQUEST, Map.of("evidenceRound", "2")));

        assertThat(outbox.findByComplaintNumberOrderByIdAsc(number))
                .filteredOn(m -> m.getMessageType() == MessageType.EVIDENCE_REQUEST)
                .extracting(m -> m.getChannel() + " " + m.getBody().contains("第2轮"))
                .containsExactlyInAnyOrder("EMAIL false", "SMS false", "EMAIL true", "SMS true");
        assertThat(outbox.findByComplaintNumberOrderByIdAsc(number))
                .filteredOn(m -> m.getMessageType() == MessageType.ACKNOWLEDGEMENT).hasSize(2);
    }

    @Test
    void aMessageIsOnlyWrittenInTheTransactionOfTheStepThatTellsIt() {
        Complaint complaint = intake.register(registration("outside." + TestIds.digits() + "@example.com")).complaint();
        registered.add(complaint.getComplaintNumber());

        assertThatThrownBy(() -> notifications.toComplainant(complaint, MessageType.CLOSURE, Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> inTransaction(() -> notifications.toComplainant(complaint, MessageType.TASK_REMINDER, Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TASK_REMINDER is a message to STAFF");
    }

    @Test
    void aRegistrationThatFailsWritesNoMessage() {
        String badEmail = "bad." + TestIds.digits() + "@example.com";
        ComplaintRegistration bad = new ComplaintRegistration(Channel.ONLINE, " ", "13800138000", badEmail, "M-1", null,
                Category.FEE_DISPUTE, false, "费率不对 wrong rate", null, List.of());
        assertThatThrownBy(() -> intake.register(bad)).isInstanceOf(InvalidInputException.class).hasMessageContaining("complainantName");
        assertThat(outbox.findAll()).noneMatch(m -> m.getRecipient().equals(badEmail));

        // A registration whose transaction rolls back after the acknowledgement was written: a later check fails
        String email = "rolled.back." + TestIds.digits() + "@example.com";
        AtomicReference<String> number = new AtomicReference<>();
        assertThatThrownBy(() -> inTransaction(() -> {
            number.set(intake.register(registration(email)).complaint().getComplaintNumber());
            assertThat(outbox.findByComplaintNumberOrderByIdAsc(number.get())).extracting(OutboxMessage::getChannel)
                    .containsExactly(DeliveryChannel.EMAIL, DeliveryChannel.SMS);
            throw InvalidInputException.of("transactionAmount", "refused by a later check");
        })).isInstanceOf(InvalidInputException.class);

        assertThat(outbox.findAll()).noneMatch(m -> m.getRecipient().equals(email));
        dispatcher.dispatchDue();
        assertThat(new Mailbox(mailServer).about(number.get())).isEmpty();
    }

    private OutboxMessage row(String number, DeliveryChannel channel) {
        return outbox.findByComplaintNumberOrderByIdAsc(number).stream()
                .filter(m -> m.getMessageType() == MessageType.ACKNOWLEDGEMENT && m.getChannel() == channel)
                .findFirst().orElseThrow();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }

    static ComplaintRegistration registration(String email) {
        return new ComplaintRegistration(Channel.ONLINE, "王小明", "13800138000", email, "M-" + TestIds.digits(), "T-7001",
                Category.FEE_DISPUTE, false, "手续费比合同高 fee above the contract", new BigDecimal("0.60"), List.of());
    }
}
