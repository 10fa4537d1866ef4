package com.complaintdesk.portal;

import com.complaintdesk.config.ClientAddresses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 (problem+json, with Retry-After) when one client address sends more than the configured requests a
 * minute to the public API. The client's address as ClientAddresses finds it (X-Forwarded-For only from a trusted
 * proxy, complaint-desk.portal.rate-limit.trusted-proxies).
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final ClientRateLimiter limiter;
    private final ClientAddresses clientAddresses;

    RateLimitFilter(ClientRateLimiter limiter, List<String> trustedProxies) {
        this.limiter = limiter;
        this.clientAddresses = new ClientAddresses(trustedProxies);
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
        return clientAddresses.of(request);
    }
}
