package com.complaintdesk.evidence;

import com.complaintdesk.complaint.ComplaintNumber;
import com.complaintdesk.config.StaffRequests;
import com.complaintdesk.config.StaffTemplates;
import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.ComplaintRecords;
import com.complaintdesk.complaint.ComplaintRepository;
import com.complaintdesk.complaint.Evidence;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.identity.ComplaintAccess;
import com.complaintdesk.identity.Departments;
import com.complaintdesk.shared.BusinessTime;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff page of a complaint's evidence, /staff/complaints/{number}/evidence: every item with its file, a form to
 * attach files that arrived by mail or chat, and downloads at /staff/evidence/{id}/download. HTTP Basic through
 * Camunda's filter (StaffAuthenticationConfiguration); only the complaint's department, customer service and complaint
 * managers (ComplaintAccess, the same rule as its tasks), 403 for everyone else. Server-rendered from templates/staff/evidence.html (Thymeleaf escapes every value), no script. Files attached here are recorded as evidence;
 * whether they answer an evidence request is still decided in Tasklist (Task_AwaitEvidence).
 */
@Controller
class StaffEvidencePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.ZONE);
    private static final List<String> TYPES = List.of("TRANSACTION_RECORD", "FAULT_PHOTO", "CONTRACT", "CORRESPONDENCE", "OTHER");

    private final ComplaintRecords records;
    private final EvidenceService evidenceService;
    private final EvidenceFiles files;
    private final EvidenceLimits limits;
    private final IdentityService identityService;
    private final ComplaintAccess access;
    private final ComplaintRepository complaints;
    private final StaffTemplates pages;

    StaffEvidencePage(ComplaintRecords records, EvidenceService evidenceService, EvidenceFiles files, EvidenceLimits limits,
                      IdentityService identityService, ComplaintAccess access, ComplaintRepository complaints, StaffTemplates pages) {
        this.pages = pages;
        this.records = records;
        this.evidenceService = evidenceService;
        this.files = files;
        this.limits = limits;
        this.identityService = identityService;
        this.access = access;
        this.complaints = complaints;
    }

    /** Refused: not a member of staff of a department (403), or a form posted from another site (403); the message is a message key. */
    static class StaffOnlyException extends RuntimeException {
        StaffOnlyException(String messageKey) {
            super(messageKey);
        }
    }

    @GetMapping("/staff/complaints/{number}/evidence")
    ResponseEntity<String> page(@PathVariable String number, @RequestParam(name = "added", required = false) Integer added) {
        requireStaff();
        Complaint complaint = complaint(number);
        requireAccess(complaint);
        return render(HttpStatus.OK, complaint, added == null ? null : pages.words("evidence.added", added), null);
    }

    @PostMapping("/staff/complaints/{number}/evidence")
    ResponseEntity<String> upload(@PathVariable String number, HttpServletRequest request,
                                  @RequestParam(name = "files", required = false) List<MultipartFile> uploads,
                                  @RequestParam(name = "evidenceType", required = false) String evidenceType,
                                  @RequestParam(name = "description", required = false) String description) {
        requireStaff();
        requireSameOrigin(request);
        Complaint complaint = complaint(number);
        requireAccess(complaint);
        List<EvidenceFiles.Upload> received = new ArrayList<>();
        for (MultipartFile file : uploads == null ? List.<MultipartFile>of() : uploads) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
                continue; // the browser's empty part when no file was chosen
            }
            try {
                received.add(new EvidenceFiles.Upload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String type = evidenceType == null || evidenceType.isBlank() ? null : evidenceType;
        String text = description == null || description.isBlank() ? null : description.strip();
        try {
            files.attach(complaint.getComplaintNumber(), received, type, text, EvidenceFiles.Delivery.RECORD_ONLY);
        } catch (EvidenceFileRejectedException e) {
            HttpStatus status = switch (e.getReason()) {
                case EMPTY -> HttpStatus.BAD_REQUEST;
                case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
                case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                case TOO_MANY_FILES -> HttpStatus.CONFLICT;
            };
            return render(status, complaint, null, pages.words("evidence.notSaved") + ": " + e.getField() + ": " + e.getMessage());
        } catch (InvalidInputException e) {
            return render(HttpStatus.BAD_REQUEST, complaint, null, pages.words("evidence.notSaved") + ": " + e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/staff/complaints/" + complaint.getComplaintNumber() + "/evidence?added=" + received.size()))
                .build();
    }

    @GetMapping("/staff/evidence/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        requireStaff();
        EvidenceFiles.StoredFile file = files.file(id).orElseThrow(() -> new ComplaintNotFoundException("evidence " + id));
        Evidence evidence = file.evidence();
        requireAccess(complaints.findById(evidence.getComplaintId()).orElseThrow(() -> new ComplaintNotFoundException("evidence " + id)));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(evidence.getContentType()))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(evidence.getFileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    @ExceptionHandler(StaffOnlyException.class)
    ResponseEntity<String> forbidden(StaffOnlyException e) {
        return pages.refused(HttpStatus.FORBIDDEN, "staff.forbidden", e.getMessage());
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<String> notFound(ComplaintNotFoundException e) {
        return pages.refused(HttpStatus.NOT_FOUND, "staff.notFound", "staff.notFound");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<String> tooLarge(MaxUploadSizeExceededException e) {
        return pages.refused(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.notSaved", "evidence.tooLarge", limits.getMaxFileSize().toMegabytes());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<String> notMultipart(MultipartException e) {
        return pages.refused(HttpStatus.BAD_REQUEST, "evidence.notSaved", "evidence.useTheForm");
    }

    private void requireStaff() {
        if (StaffRequests.staffUser(identityService, Departments.ALL::contains) == null) {
            throw new StaffOnlyException("evidence.onlyStaff");
        }
    }

    /** The complaint's department, customer service and complaint managers only (ComplaintAccess: as its tasks). */
    private void requireAccess(Complaint complaint) {
        if (!access.currentUserMaySee(complaint)) {
            throw new StaffOnlyException("evidence.onlyComplaintsDepartments");
        }
    }

    /** A form posted from another site with the browser's cached Basic credentials is refused (CSRF). */
    private static void requireSameOrigin(HttpServletRequest request) {
        if (!StaffRequests.fromThisSite(request)) {
            throw new StaffOnlyException("staff.fromThisSite");
        }
    }

    private Complaint complaint(String number) {
        if (!ComplaintNumber.isWellFormed(number)) {
            throw new ComplaintNotFoundException(number);
        }
        return records.get(number);
    }

    private ResponseEntity<String> render(HttpStatus status, Complaint complaint, String notice, String error) {
        List<Row> items = evidenceService.evidenceOf(complaint).stream().map(e -> new Row(e.getId(), typeName(e.getEvidenceType()),
                e.getFileName(), e.getFileName() != null && files.hasFile(e.getId()), String.valueOf(e.getContentType()),
                e.getSizeBytes() == null ? "" : size(e.getSizeBytes()), e.getSha256() == null ? "" : e.getSha256(),
                e.getDescription() == null ? "" : e.getDescription(), e.getAddedBy(), TIME.format(e.getAddedAt()))).toList();
        Map<String, String> types = new LinkedHashMap<>();
        for (String type : TYPES) {
            types.put(type, typeName(type));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("number", complaint.getComplaintNumber());
        model.put("status", complaint.getStatus().name());
        model.put("department", complaint.getDepartment());
        model.put("complainant", complaint.getComplainant().name());
        model.put("notice", notice);
        model.put("error", error);
        model.put("items", items);
        model.put("types", types);
        model.put("maxMegabytes", limits.getMaxFileSize().toMegabytes());
        model.put("left", Math.max(0, limits.getMaxFilesPerComplaint() - files.filesOf(complaint.getId())));
        return pages.page(status, "evidence", model);
    }

    /** One evidence item as the page shows it (plain text; the template escapes it). */
    record Row(long id, String type, String fileName, boolean stored, String contentType, String size, String sha256,
               String description, String addedBy, String addedAt) {
    }

    private String typeName(String type) {
        return type != null && TYPES.contains(type) ? pages.words("evidence.type." + type) : type;
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
    }
}
