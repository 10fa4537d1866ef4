package com.complaintdesk.portal;

import com.complaintdesk.complaint.Processes;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.ComplaintNumber;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.InvalidInputException.FieldError;
import com.complaintdesk.complaint.TimelineEntry;
import com.complaintdesk.evidence.EvidenceFiles;
import com.complaintdesk.evidence.EvidenceLimits;
import com.complaintdesk.evidence.EvidenceService;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.complaint.CardNumberMasker;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.intake.IntakeService;
import com.complaintdesk.settlement.ProposalRepository;
import com.complaintdesk.settlement.SettlementProposal;
import com.complaintdesk.settlement.SettlementVariables;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a merchant does online, on top of the stage services: files a complaint (through IntakeService, channel
 * ONLINE), follows it with its access code, sends evidence (EvidenceFiles, message EvidenceSubmitted), answers the
 * settlement offered (message SettlementResponse) and gives the survey once it is closed.
 */
@Service
class PortalComplaints {

    private static final Logger log = LoggerFactory.getLogger(PortalComplaints.class);
    private static final List<String> ANSWERED = java.util.stream.Stream.of(SettlementProposal.Status.ACCEPTED,
            SettlementProposal.Status.REJECTED, SettlementProposal.Status.COUNTERED).map(Enum::name).toList();
    static final int MAX_TEXT = 2000;

    /** The answer to a filing, and whether it is the stored answer of an earlier request with the same key. */
    record Filing(ApiTypes.FiledComplaint body, boolean replayed) {
    }

    private final IntakeService intake;
    private final ComplaintRecords records;
    private final ComplaintRepository complaints;
    private final EvidenceService evidenceService;
    private final EvidenceFiles evidenceFiles;
    private final EvidenceLimits evidenceLimits;
    private final ProposalRepository proposals;
    private final AccessCodes accessCodes;
    private final IdempotentRequests idempotentRequests;
    private final DecisionDeadline deadline;
    private final RuntimeService runtimeService;
    private final Validator validator;
    private final ObjectMapper objectMapper;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final PortalWording wording;

    PortalComplaints(IntakeService intake, ComplaintRecords records, ComplaintRepository complaints,
                     EvidenceService evidenceService, EvidenceFiles evidenceFiles, EvidenceLimits evidenceLimits,
                     ProposalRepository proposals, AccessCodes accessCodes, IdempotentRequests idempotentRequests,
                     DecisionDeadline deadline, RuntimeService runtimeService, Validator validator, ObjectMapper objectMapper,
                     TransactionTemplate transaction, JdbcClient jdbc, PortalWording wording) {
        this.wording = wording;
        this.intake = intake;
        this.records = records;
        this.complaints = complaints;
        this.evidenceService = evidenceService;
        this.evidenceFiles = evidenceFiles;
        this.evidenceLimits = evidenceLimits;
        this.proposals = proposals;
        this.accessCodes = accessCodes;
        this.idempotentRequests = idempotentRequests;
        this.deadline = deadline;
        this.runtimeService = runtimeService;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    // ---- filing ----

    /**
     * Registers the complaint and its access code in one transaction. With an Idempotency-Key, the same request
     * again gets the stored answer; a different request with the same key is refused.
     */
    public Filing file(ApiTypes.ComplaintRequest request, String idempotencyKey) {
        if (idempotencyKey != null && !IdempotentRequests.KEY.matcher(idempotencyKey).matches()) {
            throw InvalidInputException.keyed("Idempotency-Key", "refusal.idempotencyKeyFormat");
        }
        String requestHash = idempotencyKey == null ? null : IdempotentRequests.sha256Hex(json(request));
        if (idempotencyKey != null) {
            Optional<Filing> replay = replay(idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        ComplaintRegistration registration = registrationOf(request);
        try {
            return transaction.execute(status -> create(registration, idempotencyKey, requestHash));
        } catch (DataIntegrityViolationException e) {
            if (idempotencyKey == null) {
                throw e;
            }
            // the same key came in twice at once: the other request won, so this one gets its answer
            return replay(idempotencyKey, requestHash).orElseThrow(() -> e);
        }
    }

    private Filing create(ComplaintRegistration registration, String idempotencyKey, String requestHash) {
        Complaint complaint = intake.register(registration).complaint();
        String code = accessCodes.issue(complaint, records.now());
        if (idempotencyKey != null) {
            idempotentRequests.remember(idempotencyKey, requestHash, complaint.getId(), complaint.getStatus().name(), code, records.now());
        }
        log.info("Complaint {} filed online", complaint.getComplaintNumber());
        return new Filing(new ApiTypes.FiledComplaint(complaint.getComplaintNumber(), code, complaint.getStatus(),
                deadline.decisionDue(complaint)), false);
    }

    private Optional<Filing> replay(String idempotencyKey, String requestHash) {
        return idempotentRequests.find(idempotencyKey).map(seen -> {
            if (!seen.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException();
            }
            Complaint complaint = complaints.findById(seen.complaintId()).orElseThrow();
            return new Filing(new ApiTypes.FiledComplaint(complaint.getComplaintNumber(), seen.accessCode(),
                    ComplaintStatus.valueOf(seen.status()), deadline.decisionDue(complaint)), true);
        });
    }

    /** The intake's registration, channel ONLINE; text with control characters is refused with the intake's own checks. */
    private ComplaintRegistration registrationOf(ApiTypes.ComplaintRequest request) {
        List<FieldError> errors = new ArrayList<>();
        PlainText.check(errors, "complainantName", request.complainantName(), false);
        PlainText.check(errors, "complainantPhone", request.complainantPhone(), false);
        PlainText.check(errors, "complainantEmail", request.complainantEmail(), false);
        PlainText.check(errors, "merchantId", request.merchantId(), false);
        PlainText.check(errors, "terminalSerial", request.terminalSerial(), false);
        PlainText.check(errors, "description", request.description(), true);
        List<ComplaintRegistration.TransactionLine> transactions = new ArrayList<>();
        if (request.transactions() != null) {
            for (int i = 0; i < request.transactions().size(); i++) {
                ComplaintRegistration.TransactionLine line = request.transactions().get(i);
                if (line == null) {
                    errors.add(FieldError.keyed("transactions[" + i + "]", "refusal.notNull"));
                } else {
                    PlainText.check(errors, "transactions[" + i + "].reference", line.reference(), false);
                    transactions.add(line);
                }
            }
        }
        ComplaintRegistration registration = new ComplaintRegistration(Channel.ONLINE, request.complainantName(),
                request.complainantPhone(), request.complainantEmail(), request.merchantId(), request.terminalSerial(),
                request.category(), Boolean.TRUE.equals(request.viaSalesPromotion()), request.description(),
                request.contractedRatePercent(), transactions);
        if (!errors.isEmpty()) {
            errors.addAll(violations(registration));
            throw invalid(errors);
        }
        return registration;
    }

    // ---- following ----

    @Transactional(readOnly = true)
    public ApiTypes.ComplaintView view(String number, String accessCode) {
        return viewOf(open(number, accessCode));
    }

    /** Evidence files from the complainant: recorded, and the process told when it waits for evidence. */
    public ApiTypes.ComplaintView addEvidence(String number, String accessCode, List<EvidenceFiles.Upload> uploads,
                                              String evidenceType, String description) {
        Complaint complaint = open(number, accessCode);
        List<FieldError> errors = new ArrayList<>();
        PlainText.check(errors, "description", description, true);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (complaint.isClosed()) {
            throw new PortalConflictException("refusal.closedNoEvidence");
        }
        evidenceFiles.attach(number, uploads, blankToNull(evidenceType), blankToNull(description), EvidenceFiles.Delivery.SUBMIT);
        return view(number, accessCode);
    }

    /** The complainant's answer to the settlement offered: message SettlementResponse, only while an offer waits. */
    @Transactional
    public void answer(String number, String accessCode, ApiTypes.SettlementAnswer answer) {
        Complaint complaint = open(number, accessCode);
        List<FieldError> errors = new ArrayList<>(violations(answer));
        if (answer.counterReason() != null) {
            PlainText.check(errors, "counterReason", answer.counterReason(), true);
        }
        if (answer.answer() == ApiTypes.Answer.COUNTER && answer.counterAmount() == null) {
            errors.add(FieldError.keyed("counterAmount", "refusal.counterAmountRequired"));
        }
        if (answer.answer() != null && answer.answer() != ApiTypes.Answer.COUNTER && answer.counterAmount() != null) {
            errors.add(FieldError.keyed("counterAmount", "refusal.counterAmountOnlyWithCounter"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        // the offer's row locked until this transaction ends: a simultaneous second answer waits here, then finds the
        // offer answered and is refused before the engine is asked (Settlement.recordResponse checks again, under the same lock)
        String offer = proposals.lockCurrentNegotiatedStatus(complaint.getId()).orElse(null);
        if (offer != null && ANSWERED.contains(offer)) {
            throw new PortalConflictException("refusal.offerAlreadyAnswered");
        }
        if (!SettlementProposal.Status.OFFERED.name().equals(offer) || !waitsForSettlementAnswer(complaint)) {
            throw new PortalConflictException("refusal.noOfferWaiting");
        }
        BigDecimal amount = answer.counterAmount();
        runtimeService.createMessageCorrelation(Processes.MESSAGE_SETTLEMENT_RESPONSE)
                .processInstanceBusinessKey(number)
                .setVariable(SettlementVariables.SETTLEMENT_RESPONSE.name(), SettlementVariables.SETTLEMENT_RESPONSE.typed(answer.answer().name()))
                .setVariable(SettlementVariables.COUNTER_AMOUNT.name(), SettlementVariables.COUNTER_AMOUNT.typed(amount))
                .setVariable(SettlementVariables.COUNTER_REASON.name(), SettlementVariables.COUNTER_REASON.typed(CardNumberMasker.mask(blankToNull(answer.counterReason()))))
                .correlate();
        log.info("Complaint {}: settlement answer {} received online", number, answer.answer());
    }

    /** The satisfaction survey: once, after closure. */
    @Transactional
    public ApiTypes.SurveyReceipt survey(String number, String accessCode, ApiTypes.SurveyAnswer survey) {
        Complaint complaint = open(number, accessCode);
        List<FieldError> errors = new ArrayList<>(violations(survey));
        PlainText.check(errors, "comment", survey.comment(), true);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        if (!complaint.isClosed()) {
            throw new PortalConflictException("refusal.surveyNotYet");
        }
        if (surveyGiven(complaint)) {
            throw new PortalConflictException("refusal.surveyGiven");
        }
        var now = records.now();
        try {
            jdbc.sql("insert into complaint_survey (complaint_id, score, comment_text, submitted_at) values (:id, :score, :comment, :at)")
                    .param("id", complaint.getId())
                    .param("score", survey.score())
                    .param("comment", CardNumberMasker.mask(blankToNull(survey.comment())))
                    .param("at", now.atOffset(java.time.ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            // a simultaneous survey of the same complaint came first (uq_survey_complaint): this one is not recorded
            throw new PortalConflictException("refusal.surveyGiven");
        }
        return new ApiTypes.SurveyReceipt(number, survey.score(), now);
    }

    // ---- helpers ----

    /** The complaint, when the access code opens it; otherwise exactly what an unknown number gets. */
    private Complaint open(String number, String accessCode) {
        Complaint complaint = ComplaintNumber.isWellFormed(number)
                ? complaints.findByComplaintNumber(number).orElse(null) : null;
        if (!accessCodes.matches(complaint == null ? null : complaint.getId(), accessCode)) {
            throw new ComplaintNotFoundException(number);
        }
        return complaint;
    }

    private ApiTypes.ComplaintView viewOf(Complaint complaint) {
        List<ApiTypes.WaitingFor> waitingFor = new ArrayList<>();
        if (evidenceService.waitsForEvidence(complaint)) {
            waitingFor.add(ApiTypes.WaitingFor.EVIDENCE);
        }
        ApiTypes.Offer offer = null;
        if (waitsForSettlementAnswer(complaint)) {
            waitingFor.add(ApiTypes.WaitingFor.SETTLEMENT_RESPONSE);
            offer = proposals.findByComplaintIdOrderByRoundAsc(complaint.getId()).stream()
                    .filter(p -> p.getStatus() == SettlementProposal.Status.OFFERED)
                    .max(Comparator.comparingInt(SettlementProposal::getRound))
                    .map(p -> wording.offer(p, complaint))
                    .orElse(null);
        }
        List<ApiTypes.TimelineItem> timeline = records.timelineOf(complaint).stream()
                .filter(TimelineEntry::isPublicEntry)
                .map(e -> new ApiTypes.TimelineItem(e.getOccurredAt(), e.getMilestone(), wording.milestone(e.getMilestone()), e.getDetail()))
                .toList();
        List<ApiTypes.EvidenceItem> evidence = evidenceService.evidenceOf(complaint).stream()
                .map(e -> new ApiTypes.EvidenceItem(e.getFileName(), e.getEvidenceType(), e.getContentType(), e.getSizeBytes(),
                        e.getSha256(), e.getAddedAt()))
                .toList();
        long filesLeft = Math.max(0, evidenceLimits.getMaxFilesPerComplaint() - evidenceFiles.filesOf(complaint.getId()));
        String department = complaint.getDepartment();
        return new ApiTypes.ComplaintView(complaint.getComplaintNumber(), complaint.getStatus(), wording.label(complaint.getStatus()),
                department, department != null && Departments.ALL.contains(department) ? Departments.name(department) : null,
                complaint.getCategory(), wording.label(complaint.getCategory()), complaint.getRegisteredAt(),
                deadline.decisionDue(complaint), complaint.getClosedAt(), complaint.getOutcome(), wording.label(complaint.getOutcome()),
                complaint.isClosed() ? complaint.getClosingSummary() : null, waitingFor, offer, timeline, evidence,
                wording.agreements(complaint), complaint.isClosed() ? 0 : filesLeft,
                complaint.isClosed() && !surveyGiven(complaint));
    }

    /** The offer waits for the complainant: status AWAITING_COMPLAINANT and the process waits for message SettlementResponse. */
    private boolean waitsForSettlementAnswer(Complaint complaint) {
        return complaint.getStatus() == ComplaintStatus.AWAITING_COMPLAINANT && complaint.getProcessInstanceId() != null
                && runtimeService.createEventSubscriptionQuery()
                        .processInstanceId(complaint.getProcessInstanceId())
                        .eventType("message")
                        .eventName(Processes.MESSAGE_SETTLEMENT_RESPONSE)
                        .count() > 0;
    }

    private boolean surveyGiven(Complaint complaint) {
        return jdbc.sql("select count(*) from complaint_survey where complaint_id = :id").param("id", complaint.getId())
                .query(Long.class).single() > 0;
    }

    private List<FieldError> violations(Object bean) {
        return validator.validate(bean).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .toList();
    }

    private static InvalidInputException invalid(List<FieldError> errors) {
        return new InvalidInputException(new ArrayList<>(new LinkedHashSet<>(errors)).stream()
                .sorted(Comparator.comparing(FieldError::field)).toList());
    }

    private String json(Object request) {
        try {
            return objectMapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed request always serializes", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
