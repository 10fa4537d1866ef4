package com.complaintdesk.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The standard security headers on every response of the application: the engine REST API, the OpenAPI description,
 * Swagger UI, Actuator, the staff pages, the portal and Camunda's web apps. Each is set before the request is handled,
 * so an error page has them too; a page that sets one of them itself (Camunda's web apps set X-Content-Type-Options
 * and their own Content-Security-Policy with frame-ancestors 'none'; the portal its policy) replaces ours rather than
 * adding a second one.
 *
 * <ul>
 *   <li>X-Content-Type-Options: nosniff</li>
 *   <li>X-Frame-Options: DENY and Content-Security-Policy: frame-ancestors 'none' (no framing: clickjacking)</li>
 *   <li>Referrer-Policy: same-origin (no addresses of staff pages leak to other sites)</li>
 *   <li>Strict-Transport-Security when served over HTTPS (the https profile)</li>
 * </ul>
 */
class SecurityHeaders extends OncePerRequestFilter {

    static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    static final String FRAME_OPTIONS = "X-Frame-Options";
    static final String REFERRER_POLICY = "Referrer-Policy";
    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String HSTS = "Strict-Transport-Security";
    private static final Set<String> OURS = Set.of(CONTENT_TYPE_OPTIONS.toLowerCase(Locale.ROOT), FRAME_OPTIONS.toLowerCase(Locale.ROOT),
            REFERRER_POLICY.toLowerCase(Locale.ROOT), CONTENT_SECURITY_POLICY.toLowerCase(Locale.ROOT), HSTS.toLowerCase(Locale.ROOT));

    private final String hsts;

    /** {@code hstsMaxAgeSeconds} null: no HSTS header. */
    SecurityHeaders(Long hstsMaxAgeSeconds) {
        this.hsts = hstsMaxAgeSeconds == null ? null : "max-age=" + hstsMaxAgeSeconds;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        setDefaults(response);
        chain.doFilter(request, new OneOfEach(response));
    }

    /** An error page (Spring Boot's /error) after the container reset the response: the headers again. */
    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        doFilterInternal(request, response, chain);
    }

    private void setDefaults(HttpServletResponse response) {
        response.setHeader(CONTENT_TYPE_OPTIONS, "nosniff");
        response.setHeader(FRAME_OPTIONS, "DENY");
        response.setHeader(REFERRER_POLICY, "same-origin");
        response.setHeader(CONTENT_SECURITY_POLICY, "frame-ancestors 'none'");
        if (hsts != null) {
            response.setHeader(HSTS, hsts);
        }
    }

    /** Turns a second value of one of our headers into a replacement of ours. */
    private static final class OneOfEach extends HttpServletResponseWrapper {

        OneOfEach(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (name != null && OURS.contains(name.toLowerCase(Locale.ROOT))) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
