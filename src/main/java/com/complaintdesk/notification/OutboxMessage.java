package com.complaintdesk.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message to one recipient over one channel, written by the step that has something to tell (in its
 * transaction) and sent afterwards by the {@link NotificationDispatcher}. Its state changes by conditional updates
 * in {@link OutboxRepository}, never by saving the entity, so two nodes never both send it.
 */
@Entity
@Table(name = "notification_outbox")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long complaintId;
    private String complaintNumber;

    @Enumerated(EnumType.STRING)
    private MessageType messageType;

    @Enumerated(EnumType.STRING)
    private DeliveryChannel channel;

    private String recipient;
    private String subject;
    private String body;

    @Enumerated(EnumType.STRING)
    private OutboxStatus status;

    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private String claimToken;
    private Instant claimedUntil;
    private String idempotencyKey;
    private Instant createdAt;
    private Instant sentAt;

    protected OutboxMessage() {
    }

    OutboxMessage(Long complaintId, String complaintNumber, MessageType messageType, DeliveryChannel channel, String recipient,
                  String subject, String body, String idempotencyKey, Instant createdAt) {
        this.complaintId = complaintId;
        this.complaintNumber = complaintNumber;
        this.messageType = messageType;
        this.channel = channel;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.idempotencyKey = idempotencyKey;
        this.createdAt = createdAt;
        this.nextAttemptAt = createdAt;
        this.status = OutboxStatus.PENDING;
    }

    public Long getId() { return id; }
    public Long getComplaintId() { return complaintId; }
    public String getComplaintNumber() { return complaintNumber; }
    public MessageType getMessageType() { return messageType; }
    public DeliveryChannel getChannel() { return channel; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public OutboxStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public String getClaimToken() { return claimToken; }
    public Instant getClaimedUntil() { return claimedUntil; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
}
