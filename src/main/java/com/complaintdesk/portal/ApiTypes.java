package com.complaintdesk.portal;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.intake.ComplaintRegistration;
import com.complaintdesk.settlement.Remedy;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the public complaint API (/api/complaints), as the OpenAPI description shows them. */
final class ApiTypes {

    private ApiTypes() {
    }

    @Schema(name = "ComplaintRequest", description = "A complaint filed online. Limits as in the intake: name up to 100 "
            + "characters, phone 5 to 30 digits, merchant id and terminal serial up to 40, description up to 2000.")
    record ComplaintRequest(
            @Schema(example = "张三", requiredMode = Schema.RequiredMode.REQUIRED) String complainantName,
            @Schema(example = "13900139000", requiredMode = Schema.RequiredMode.REQUIRED) String complainantPhone,
            @Schema(example = "zhang.san@example.com") String complainantEmail,
            @Schema(example = "822100058120001", requiredMode = Schema.RequiredMode.REQUIRED)
            String merchantId,
            @Schema(example = "T-88001") String terminalSerial,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Category category,
            @Schema(description = "Signed up through a sales promotion or an agent's offer") Boolean viaSalesPromotion,
            @Schema(example = "终端无法开机 The terminal will not power on", requiredMode = Schema.RequiredMode.REQUIRED)
            String description,
            @Schema(description = "For fee disputes", example = "0.60")
            BigDecimal contractedRatePercent,
            @Schema(description = "The card transactions the complaint is about (up to 50)")
            List<ComplaintRegistration.TransactionLine> transactions) {
    }

    @Schema(name = "FiledComplaint")
    record FiledComplaint(
            @Schema(example = "CP-20261126-000042") String complaintNumber,
            @Schema(description = "Shown once: needed to follow the complaint, upload evidence and answer. Not stored in "
                    + "readable form and cannot be shown again.", example = "K7QM-2XPA-9RTC-HW4D") String accessCode,
            ComplaintStatus status,
            @Schema(description = "The day by which the company decides on the complaint") LocalDate decisionDueDate) {
    }

    @Schema(name = "EvidenceUpload", description = "multipart/form-data: one part \"files\" per file")
    record EvidenceUpload(
            @ArraySchema(schema = @Schema(type = "string", format = "binary"), minItems = 1) List<String> files,
            @Schema(description = "TRANSACTION_RECORD, FAULT_PHOTO, CONTRACT, CORRESPONDENCE or OTHER; by content when not given")
            String evidenceType,
            @Schema(description = "What the files show (up to 2000 characters)") String description) {
    }

    @Schema(name = "ComplaintView", description = "A complaint as its complainant sees it")
    record ComplaintView(
            String complaintNumber,
            ComplaintStatus status,
            @Schema(description = "The status in the request's language (Accept-Language: Chinese unless English)") String statusLabel,
            @Schema(description = "Department group handling it, once routed") String department,
            String departmentName,
            Category category,
            String categoryLabel,
            Instant registeredAt,
            LocalDate decisionDueDate,
            Instant closedAt,
            Outcome outcome,
            @Schema(description = "The outcome in the request's language, once closed") String outcomeLabel,
            @Schema(description = "What the company wrote when it closed the complaint") String closingSummary,
            @Schema(description = "What the complaint waits for from the complainant; empty when nothing")
            List<WaitingFor> waitingFor,
            @Schema(description = "The settlement offered, while an answer is awaited") Offer offer,
            List<TimelineItem> timeline,
            List<EvidenceItem> evidence,
            @Schema(description = "The settlement agreements drawn up, with their full text") List<AgreementText> agreements,
            @Schema(description = "How many more files may be uploaded") long filesLeft,
            @Schema(description = "The complaint is closed and its survey not yet given") boolean surveyOpen) {
    }

    enum WaitingFor { EVIDENCE, SETTLEMENT_RESPONSE }

    record Offer(int round, Remedy remedy, String remedyLabel,
                 @Schema(description = "Amount in yuan; 0 for a remedy without money") BigDecimal amount,
                 @Schema(description = "Why we offer it") String reason,
                 @Schema(description = "The day by which we expect your answer; null when none is set") LocalDate answerBy) {
    }

    record TimelineItem(Instant at, Milestone milestone,
                        @Schema(description = "The milestone in the request's language") String title,
                        @Schema(description = "What happened, Chinese first with English beside") String detail) {
    }

    @Schema(name = "Agreement", description = "A settlement agreement: its text as drawn up, and the SHA-256 of that text")
    record AgreementText(String agreementNumber, String text, String sha256, boolean signed, LocalDate signedOn) {
    }

    @Schema(name = "PortalNotice", description = "How to reach us, and how we handle personal information (PIPL art. 17)")
    record Notice(String contact, String privacy) {
    }

    @Schema(description = "The portal page's words in one language, from the message bundles (portal.page.*, portal.field.*)")
    record PageWords(@Schema(description = "The page's language: zh-CN or en") String language,
                     @Schema(description = "Words by key, e.g. page.title, field.category") java.util.Map<String, String> words,
                     @Schema(description = "The kinds of problem a complaint is filed under, with their labels") List<Option> categories,
                     @Schema(description = "The other language's name, for the button that switches to it") String otherLanguage,
                     @Schema(description = "\"Switch to …\" in the other language") String switchLabel) {
    }

    record Option(String value, String label) {
    }

    record EvidenceItem(String fileName, String evidenceType, String contentType, Long sizeBytes, String sha256, Instant addedAt) {
    }

    enum Answer { ACCEPT, REJECT, COUNTER }

    @Schema(name = "SettlementAnswer")
    record SettlementAnswer(
            @NotNull Answer answer,
            @Schema(description = "Required with COUNTER: the amount in yuan the complainant asks for", example = "300.00")
            @DecimalMin("0.01") @DecimalMax("1000000.00") @Digits(integer = 7, fraction = 2) BigDecimal counterAmount,
            @Schema(description = "Why, for a counter-offer or a rejection") @Size(max = 2000) String counterReason) {
    }

    @Schema(name = "SurveyAnswer")
    record SurveyAnswer(
            @Schema(description = "1 (very unhappy) to 5 (very happy)", example = "4") @NotNull @Min(1) @Max(5) Integer score,
            @Size(max = 2000) String comment) {
    }

    @Schema(name = "Survey")
    record SurveyReceipt(String complaintNumber, int score, Instant submittedAt) {
    }
}
