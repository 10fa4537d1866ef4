package com.complaintdesk.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 (problem+json, with Retry-After) when one client address sends more than the configured requests a
 * minute to the public API. The address is the connection's; X-Forwarded-For is believed only when the connection
 * comes from a configured trusted proxy (complaint-desk.portal.rate-limit.trusted-proxies), and then its last entry
 * that is not itself a trusted proxy counts.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final ClientRateLimiter limiter;
    private final Set<String> trustedProxies;

    RateLimitFilter(ClientRateLimiter limiter, List<String> trustedProxies) {
        this.limiter = limiter;
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = clientAddress(request);
        ClientRateLimiter.Decision decision = limiter.tryRequest(client);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Rate limit: refused a request to {} from {}", request.getRequestURI(), client);
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too many requests\",\"status\":429,"
                + "\"detail\":\"Too many requests from this address; try again in " + decision.retryAfterSeconds() + " seconds\"}");
    }

    String clientAddress(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!trustedProxies.contains(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }
}
