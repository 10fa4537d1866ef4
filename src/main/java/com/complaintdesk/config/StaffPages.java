package com.complaintdesk.config;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import com.complaintdesk.identity.Departments;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTML responses of the server-rendered staff pages under /staff: the headers that keep every one of them from
 * being framed, sniffed, cached or posting elsewhere, and the page shell of the staff forms (extension requests, legal
 * notices, regulator referrals). The title and messages are HTML-escaped here; the body comes escaped from its page
 * (StaffForm escapes every value).
 */
public final class StaffPages {

    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final String STYLE = "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:1rem auto;max-width:50rem;"
            + "padding:0 1rem;line-height:1.5}label,legend{font-weight:600}input[type=text],input[type=date],input[type=email],"
            + "input[type=tel],select,textarea{width:100%;max-width:40rem;box-sizing:border-box}fieldset{margin:1rem 0}"
            + "[aria-invalid=true]{border:2px solid #a40000}.error{color:#a40000;font-weight:bold}.notice{color:#05620b;font-weight:bold}"
            + ".hint{color:#555;font-size:.9rem}";

    private StaffPages() {
    }

    /** A whole page: {@code title} (plain text) as its title and heading, {@code body} (HTML) below. */
    public static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return html(status, "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + htmlEscape(title) + "</title>"
                + "<style>" + STYLE + "</style></head>\n<body><main>\n<h1>" + htmlEscape(title) + "</h1>\n" + body + "</main></body></html>\n");
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

    /** 403: only members of {@code groups}, with forms from this site, may use the page. */
    public static ResponseEntity<String> forbidden(String title, List<String> groups) {
        return refused(HttpStatus.FORBIDDEN, title, "仅限以下部门在本站使用 Only these departments, from this site: "
                + groups.stream().map(Departments::name).collect(Collectors.joining("、")));
    }

    /** A page that only says why the request was refused or failed. */
    public static ResponseEntity<String> refused(HttpStatus status, String title, String message) {
        return page(status, title, alert(message));
    }

    /** A message that something went wrong (plain text). */
    public static String alert(String message) {
        return "<p class=\"error\" role=\"alert\">" + htmlEscape(message) + "</p>\n";
    }

    /** A message that something was done (plain text). */
    public static String done(String message) {
        return "<p class=\"notice\" role=\"status\">" + htmlEscape(message) + "</p>\n";
    }

    /** A link (the href and the text are plain text). */
    public static String link(String href, String text) {
        return "<a href=\"" + htmlEscape(href) + "\">" + htmlEscape(text) + "</a>";
    }
}
