package com.complaintdesk.config;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTML responses of the server-rendered staff pages under /staff: the headers that keep every one of them from
 * being framed, sniffed, cached or posting elsewhere. The pages themselves come from Thymeleaf templates
 * ({@link StaffTemplates}, templates/staff/), which escape every value.
 */
public final class StaffPages {

    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private StaffPages() {
    }

    /** A staff page's HTML with the headers every staff page has. */
    public static ResponseEntity<String> html(HttpStatus status, String html) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(html);
    }
}
