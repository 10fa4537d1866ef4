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
 * Each attempt holds one of the account's failures while it is in flight, so a client that has just logged in with the
 * same HTTP Basic credentials from the same address (an integrator's parallel requests) passes without holding one:
 * otherwise its sixth simultaneous request would be refused although none failed.
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
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String known = header == null ? null : verifiedKey(address, header);
        if (known != null && verified.isRecent(known)) {
            // these very credentials logged in from this address a moment ago: a client sending many requests at once
            // is no guesser, and its requests in flight must not use up the account's failures (the engine still
            // checks the password every time; a 401 now counts as a failure and forgets them)
            chain.doFilter(forward, response);
            if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                verified.forget(known);
                throttle.tryLogin(address, user);
            }
            return;
        }
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
            if (!failed && header != null && CHECKED_PATHS.matcher(path(request)).matches()) {
                verified.remember(verifiedKey(address, header));
            }
        } finally {
            if (!failed) {
                attempt.notFailed();
            }
        }
    }

    /** Paths whose every request checks HTTP Basic credentials: an answer other than 401 there proves them right. */
    static final Pattern CHECKED_PATHS = Pattern.compile("^/(engine-rest|staff)/.+");

    private final VerifiedCredentials verified = new VerifiedCredentials();

    /** The address and a digest of the Authorization header (the password itself is never kept). */
    private static String verifiedKey(String address, String header) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8));
            return address + " " + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Credentials (address and digest of the header) that logged in within the last ten minutes; bounded: past 10,000
     * entries the expired ones are dropped, and if none were, all (the next request of each client then goes through
     * the throttle once more).
     */
    static final class VerifiedCredentials {

        private static final long TTL_MILLIS = java.util.concurrent.TimeUnit.MINUTES.toMillis(10);
        private static final int MAX_ENTRIES = 10_000;
        private final java.util.concurrent.ConcurrentHashMap<String, Long> until = new java.util.concurrent.ConcurrentHashMap<>();

        boolean isRecent(String key) {
            Long expiry = until.get(key);
            return expiry != null && expiry > System.currentTimeMillis();
        }

        void remember(String key) {
            if (until.size() >= MAX_ENTRIES) {
                long now = System.currentTimeMillis();
                until.values().removeIf(expiry -> expiry <= now);
                if (until.size() >= MAX_ENTRIES) {
                    until.clear();
                }
            }
            until.put(key, System.currentTimeMillis() + TTL_MILLIS);
        }

        void forget(String key) {
            until.remove(key);
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
