package com.complaintdesk.portal;

import com.complaintdesk.evidence.EvidenceFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public complaint API: merchants file and follow complaints, send evidence, answer the settlement offered and
 * give the survey. Every request after filing carries the complaint's access code in the X-Access-Code header; a
 * wrong code gets exactly the answer an unknown number gets. Errors are application/problem+json (ApiProblems).
 */
@RestController
@RequestMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Complaints") // its description: PortalWebConfiguration
class ComplaintApiController {

    static final String ACCESS_CODE = "X-Access-Code";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PortalComplaints portal;

    ComplaintApiController(PortalComplaints portal) {
        this.portal = portal;
    }

    @PostMapping
    @Operation(summary = "File a complaint", description = "Registers the complaint (channel ONLINE) and starts its handling. "
            + "The answer holds the access code, shown this once. With an Idempotency-Key the same request sent again gets "
            + "the same answer; the same key with a different request is refused (422).")
    @ApiResponse(responseCode = "201", description = "Filed")
    @ApiResponse(responseCode = "400", description = "Malformed JSON or invalid fields", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another request", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ApiTypes.FiledComplaint> file(
            @RequestBody ApiTypes.ComplaintRequest request,
            @Parameter(description = "A random key (8 to 100 printable ASCII characters, e.g. a UUID) that makes retries safe")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        PortalComplaints.Filing filing = portal.file(request, idempotencyKey);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/complaints/" + filing.body().complaintNumber()));
        if (filing.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(filing.body());
    }

    @GetMapping("/{number}")
    @Operation(summary = "Follow a complaint", description = "Status, department, decision due date, public timeline, "
            + "evidence and what the complaint waits for from the complainant.")
    @ApiResponse(responseCode = "200", description = "The complaint")
    @ApiResponse(responseCode = "404", description = "No complaint with this number and access code", content = @Content(mediaType = "application/problem+json"))
    ApiTypes.ComplaintView view(@PathVariable String number, @Parameter(in = ParameterIn.HEADER, description = "The access code")
                                @RequestHeader(ACCESS_CODE) String accessCode) {
        return portal.view(number, accessCode);
    }

    @PostMapping("/{number}/evidence")
    @Operation(summary = "Send evidence files", description = "PDF, JPEG, PNG, CSV or XLSX, recognised by content; at most "
            + "10 MB a file and 20 files a complaint. When the complaint waits for evidence, its handling goes on.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = ApiTypes.EvidenceUpload.class))))
    @ApiResponse(responseCode = "201", description = "Stored; the complaint as it is now")
    @ApiResponse(responseCode = "409", description = "Too many files, or the complaint is closed", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "A file is larger than 10 MB", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "A file is not PDF, JPEG, PNG, CSV or XLSX", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ApiTypes.ComplaintView> addEvidence(
            @PathVariable String number,
            @RequestHeader(ACCESS_CODE) String accessCode,
            @RequestPart("files") List<MultipartFile> files,
            @RequestPart(name = "evidenceType", required = false) String evidenceType,
            @RequestPart(name = "description", required = false) String description) {
        List<EvidenceFiles.Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            try {
                uploads.add(new EvidenceFiles.Upload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(portal.addEvidence(number, accessCode, uploads, evidenceType, description));
    }

    @PostMapping("/{number}/settlement-response")
    @Operation(summary = "Answer the settlement offered", description = "Accept, reject, or counter with an amount and a reason. "
            + "Only while an offer waits for an answer (else 409).")
    @ApiResponse(responseCode = "200", description = "Answer recorded; the complaint as it is now")
    @ApiResponse(responseCode = "409", description = "No offer waits for an answer, or it has been answered already", content = @Content(mediaType = "application/problem+json"))
    ApiTypes.ComplaintView answer(@PathVariable String number, @RequestHeader(ACCESS_CODE) String accessCode,
                                  @RequestBody ApiTypes.SettlementAnswer answer) {
        portal.answer(number, accessCode, answer);
        return portal.view(number, accessCode);
    }

    @PostMapping("/{number}/survey")
    @Operation(summary = "Give the satisfaction survey", description = "Once, after the complaint is closed (else 409).")
    @ApiResponse(responseCode = "201", description = "Survey stored")
    @ApiResponse(responseCode = "409", description = "Not closed yet, or already given", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ApiTypes.SurveyReceipt> survey(@PathVariable String number, @RequestHeader(ACCESS_CODE) String accessCode,
                                                  @RequestBody ApiTypes.SurveyAnswer survey) {
        return ResponseEntity.status(HttpStatus.CREATED).body(portal.survey(number, accessCode, survey));
    }
}
