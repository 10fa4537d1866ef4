package com.complaintdesk.retention;

import com.complaintdesk.complaint.BundleWords;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.config.StaffRequests;
import com.complaintdesk.identity.Departments;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /staff/complaints/{number}/legal-hold: a complaint manager places (POST, form field {@code reason}), reads (GET) or
 * releases (DELETE) a complaint's legal hold. HTTP Basic (StaffAuthenticationConfiguration); complaint managers and
 * Camunda administrators only (403), requests from another site refused (403), an unknown complaint 404, a hold
 * placed at the same moment by someone else 409.
 */
@RestController
class LegalHoldController {

    private static final List<String> GROUPS = List.of(Departments.COMPLAINT_MANAGERS, Groups.CAMUNDA_ADMIN);

    private final LegalHolds holds;
    private final IdentityService identityService;

    LegalHoldController(LegalHolds holds, IdentityService identityService) {
        this.holds = holds;
        this.identityService = identityService;
    }

    static class RefusedException extends RuntimeException {
        RefusedException(String message) {
            super(message);
        }
    }

    @GetMapping("/staff/complaints/{number}/legal-hold")
    Map<String, Object> get(@PathVariable String number) {
        user();
        return body(number);
    }

    @PostMapping("/staff/complaints/{number}/legal-hold")
    ResponseEntity<Map<String, Object>> place(@PathVariable String number, @RequestParam(required = false) String reason,
                                              HttpServletRequest request) {
        String user = user();
        sameSite(request);
        boolean placed = holds.place(number, reason, user);
        return ResponseEntity.status(placed ? HttpStatus.CREATED : HttpStatus.OK).body(body(number));
    }

    @DeleteMapping("/staff/complaints/{number}/legal-hold")
    ResponseEntity<Void> release(@PathVariable String number, HttpServletRequest request) {
        user();
        sameSite(request);
        return holds.release(number) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    private Map<String, Object> body(String number) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("complaintNumber", number);
        holds.of(number).ifPresentOrElse(hold -> {
            body.put("held", true);
            body.put("reason", hold.reason());
            body.put("placedBy", hold.placedBy());
            body.put("placedAt", hold.placedAt().toString());
        }, () -> body.put("held", false));
        return body;
    }

    private String user() {
        String user = StaffRequests.staffUser(identityService, GROUPS::contains);
        if (user == null) {
            throw new RefusedException(BundleWords.both("legalHold.onlyManagers"));
        }
        return user;
    }

    private static void sameSite(HttpServletRequest request) {
        if (!StaffRequests.fromThisSite(request)) {
            throw new RefusedException(BundleWords.both("legalHold.otherSite"));
        }
    }

    @ExceptionHandler(RefusedException.class)
    ResponseEntity<Map<String, String>> refused(RefusedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(ComplaintNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> badInput(InvalidInputException e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.getMessage(), "errors", e.getErrors()));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Map<String, String>> conflict(DuplicateKeyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", BundleWords.both("legalHold.placedJustNow")));
    }
}
