package com.complaintdesk.complaint;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import org.hibernate.annotations.NaturalId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The complaint record. Its number is the business key of its complaint-lifecycle process instance;
 * the process holds only the number and the few values its gateways need.
 */
@Entity
@Table(name = "complaint")
public class Complaint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Never changes; loading by it finds a record this transaction has already without asking the database. */
    @NaturalId
    private String complaintNumber;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private ComplaintStatus status;

    @Embedded
    private Complainant complainant;

    private String terminalSerial;

    @Enumerated(EnumType.STRING)
    private Category category;

    private String subCategory;
    private boolean viaSalesPromotion;
    private String description;
    private BigDecimal contractedRatePercent;
    private String department;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    private String duplicateOf;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Enumerated(EnumType.STRING)
    private RootCause rootCause;

    private String closingSummary;
    private String processInstanceId;
    private String registeredBy;
    private Instant registeredAt;
    private Instant closedAt;

    /** When the company's decision is due (end of the last day, Asia/Shanghai); set at registration, moved by extensions. */
    private Instant decisionDueAt;
    private boolean deadlineBreached;
    /** Days added by extensions, in all. */
    private int extendedDays;
    /** Why the decision was last extended; the complainant is told. */
    private String extensionReason;
    /** When the company decided: its final response, or the closure, whichever came first (reporting's time to decision). */
    private Instant decidedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<ComplaintTransaction> transactions = new ArrayList<>();

    protected Complaint() {
    }

    public Complaint(String complaintNumber, Channel channel, Complainant complainant, String terminalSerial,
                     Category category, boolean viaSalesPromotion, String description,
                     BigDecimal contractedRatePercent, String registeredBy, Instant registeredAt) {
        this.complaintNumber = complaintNumber;
        this.channel = channel;
        this.complainant = complainant;
        this.terminalSerial = terminalSerial;
        this.category = category;
        this.viaSalesPromotion = viaSalesPromotion;
        this.description = description;
        this.contractedRatePercent = contractedRatePercent;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.status = ComplaintStatus.REGISTERED;
    }

    public ComplaintTransaction addTransaction(String reference, Instant occurredAt, BigDecimal amount, BigDecimal feeCharged) {
        ComplaintTransaction tx = new ComplaintTransaction(this, reference, occurredAt, amount, feeCharged);
        transactions.add(tx);
        return tx;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void triage(Category category, SubCategory subCategory, boolean viaSalesPromotion) {
        this.category = category;
        this.subCategory = subCategory == null ? null : subCategory.name();
        this.viaSalesPromotion = viaSalesPromotion;
    }

    public void route(String department, Priority priority) {
        this.department = department;
        this.priority = priority;
    }

    public void moveTo(ComplaintStatus status) {
        this.status = status;
    }

    public void markDuplicateOf(String originalNumber) {
        this.duplicateOf = originalNumber;
    }

    public void close(Outcome outcome, RootCause rootCause, String closingSummary, Instant closedAt) {
        this.outcome = outcome;
        this.rootCause = rootCause;
        this.closingSummary = closingSummary;
        this.closedAt = closedAt;
        this.status = ComplaintStatus.CLOSED;
        markDecided(closedAt);
    }

    /** The company's decision is out (a final response or the closure); the first one counts. */
    public void markDecided(Instant at) {
        if (this.decidedAt == null) {
            this.decidedAt = at;
        }
    }

    /** Sets the decision deadline at registration (com.complaintdesk.deadline.DeadlineService computes it). */
    public void scheduleDecision(Instant dueAt) {
        this.decisionDueAt = dueAt;
    }

    /** Moves the decision deadline by an extension; the deadline service checks the limits. */
    public void extendDecision(int extraDays, Instant newDueAt, String reason) {
        this.extendedDays += extraDays;
        this.decisionDueAt = newDueAt;
        this.extensionReason = reason;
    }

    /** The decision deadline passed without a decision. Stays set after a later extension: it happened. */
    public void markDeadlineBreached() {
        this.deadlineBreached = true;
    }

    public boolean isClosed() { return status == ComplaintStatus.CLOSED; }

    public Long getId() { return id; }
    public String getComplaintNumber() { return complaintNumber; }
    public Channel getChannel() { return channel; }
    public ComplaintStatus getStatus() { return status; }
    public Complainant getComplainant() { return complainant; }
    public String getTerminalSerial() { return terminalSerial; }
    public Category getCategory() { return category; }
    public String getSubCategory() { return subCategory; }
    public boolean isViaSalesPromotion() { return viaSalesPromotion; }
    public String getDescription() { return description; }
    public BigDecimal getContractedRatePercent() { return contractedRatePercent; }
    public String getDepartment() { return department; }
    public Priority getPriority() { return priority; }
    public String getDuplicateOf() { return duplicateOf; }
    public Outcome getOutcome() { return outcome; }
    public RootCause getRootCause() { return rootCause; }
    public String getClosingSummary() { return closingSummary; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getRegisteredBy() { return registeredBy; }
    public Instant getRegisteredAt() { return registeredAt; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getDecisionDueAt() { return decisionDueAt; }
    public boolean isDeadlineBreached() { return deadlineBreached; }
    public int getExtendedDays() { return extendedDays; }
    public String getExtensionReason() { return extensionReason; }
    public Instant getDecidedAt() { return decidedAt; }
    public List<ComplaintTransaction> getTransactions() { return Collections.unmodifiableList(transactions); }
}
