package com.complaintdesk.referral;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.config.StaffRequests;
import com.complaintdesk.identity.Departments;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * GET /staff/complaints/{number}/dossier.zip: a complaint's dossier (Dossiers) for compliance-legal and complaint
 * managers, behind the staff HTTP Basic login (StaffAuthenticationConfiguration); its SHA-256 in header
 * X-Dossier-SHA256. The archive is written to a temporary file first, so a complaint's many evidence files never sit
 * in memory together; the file goes when the response is sent. A download is logged, nothing else is recorded.
 */
@Controller
class DossierDownload {

    private static final Logger log = LoggerFactory.getLogger(DossierDownload.class);
    static final String SHA256_HEADER = "X-Dossier-SHA256";
    private static final Set<String> ALLOWED = Set.of(Departments.COMPLIANCE_LEGAL, Departments.COMPLAINT_MANAGERS);
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final Dossiers dossiers;
    private final IdentityService identityService;

    DossierDownload(Dossiers dossiers, IdentityService identityService) {
        this.dossiers = dossiers;
        this.identityService = identityService;
    }

    /** Refused: the signed-in user is neither in compliance-legal nor a complaint manager. */
    static class NotAllowedException extends RuntimeException {
        NotAllowedException() {
            super(BundleWords.both("dossier.onlyComplianceAndManagers"));
        }
    }

    @GetMapping("/staff/complaints/{number}/dossier.zip")
    ResponseEntity<Resource> download(@PathVariable String number) throws IOException {
        String user = StaffRequests.staffUser(identityService, ALLOWED::contains);
        if (user == null) {
            throw new NotAllowedException();
        }
        Path file = Files.createTempFile("dossier-", ".zip");
        Dossiers.Written dossier;
        try (OutputStream out = Files.newOutputStream(file)) {
            dossier = dossiers.write(number, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        log.info("Dossier of complaint {} downloaded by {} (SHA-256 {}, evidence files: {})", dossier.complaintNumber(), user,
                dossier.sha256(), dossier.evidenceFiles());
        return ResponseEntity.ok()
                .contentType(ZIP)
                .contentLength(Files.size(file))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(dossier.complaintNumber() + "-dossier.zip").build().toString())
                .header(SHA256_HEADER, dossier.sha256())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE)));
    }

    @ExceptionHandler(NotAllowedException.class)
    ResponseEntity<String> forbidden(NotAllowedException e) {
        return text(HttpStatus.FORBIDDEN, BundleWords.both("staff.forbidden") + ": " + e.getMessage());
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<String> notFound() {
        return text(HttpStatus.NOT_FOUND, BundleWords.both("staff.noSuchComplaint"));
    }

    @ExceptionHandler(DossierIntegrityException.class)
    ResponseEntity<String> corrupt(DossierIntegrityException e) {
        log.error("No dossier made: {}", e.getMessage());
        return text(HttpStatus.INTERNAL_SERVER_ERROR, BundleWords.both("dossier.corrupt") + " "
                + e.getMessage());
    }

    private static ResponseEntity<String> text(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(message + "\n");
    }
}
