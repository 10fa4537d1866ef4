package com.complaintdesk.config;

import com.complaintdesk.complaint.BundleWords;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing per client address (LoginThrottle) before the engine checks a password: HTTP Basic on
 * /engine-rest, /staff and /actuator (StaffAuthenticationConfiguration), and the web apps' login form
 * (POST /camunda/api/admin/auth/user/{engine}/login/{app}). Over the limit the answer is 429 with Retry-After, and the
 * engine never sees the attempt, so it never counts towards the account's lockout. An answer 401 is a failed login.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);
    static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");
    private static final int MAX_LOGIN_FORM_BYTES = 8 * 1024;

    private final LoginThrottle throttle;
    private final ClientAddresses addresses;

    LoginThrottleFilter(LoginThrottle throttle, ClientAddresses addresses) {
        this.throttle = throttle;
        this.addresses = addresses;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest forward = request;
        String user = basicUser(request);
        if (user == null && "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path(request)).matches()) {
            if (request.getContentLengthLong() > MAX_LOGIN_FORM_BYTES) {
                EngineRestErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "PayloadTooLarge", "A login form is small");
                return;
            }
            byte[] body = request.getInputStream().readNBytes(MAX_LOGIN_FORM_BYTES + 1);
            if (body.length > MAX_LOGIN_FORM_BYTES) {
                EngineRestErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "PayloadTooLarge", "A login form is small");
                return;
            }
            user = formField(new String(body, StandardCharsets.ISO_8859_1), "username");
            forward = new RequestWithBody(request, body);
        }
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = addresses.of(request);
        LoginThrottle.Attempt attempt = throttle.tryLogin(address, user);
        if (!attempt.allowed()) {
            log.warn("Login throttle: refused a login as '{}' from {} ({} too many failed logins; retry in {} s)", user, address,
                    request.getRequestURI(), attempt.retryAfterSeconds());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(attempt.retryAfterSeconds()));
            EngineRestErrors.write(response, 429, "TooManyFailedLogins",
                    BundleWords.both("login.tooManyFailed", String.valueOf(attempt.retryAfterSeconds())));
            return;
        }
        boolean failed = false;
        try {
            chain.doFilter(forward, response);
            failed = response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
        } finally {
            if (!failed) {
                attempt.notFailed();
            }
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The user id of an HTTP Basic Authorization header, or null. */
    static String basicUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return ""; // not Base64: still an attempt, counted against the address
        }
    }

    private static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (name.equals(URLDecoder.decode(key, StandardCharsets.UTF_8))) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
