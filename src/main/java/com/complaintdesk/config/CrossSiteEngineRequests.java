package com.complaintdesk.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine REST API (/engine-rest) is for integrators: curl, servers, Camunda Modeler's deploy (sent from Modeler's
 * Node process, with no Origin). A browser that once sent Basic credentials to this application sends them again with
 * any request a page of another site makes it send; so a request that changes something (any method but GET, HEAD,
 * OPTIONS) and carries a browser's cross-site markers (Sec-Fetch-Site other than same-origin/none, or an Origin that is
 * not this host) is refused with 403 before credentials are even checked. There is no CORS: no browser page of another
 * site may read an answer either.
 */
class CrossSiteEngineRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteEngineRequests.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || StaffRequests.fromThisSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused a cross-site {} {} (Origin {}, Sec-Fetch-Site {})", request.getMethod(), request.getRequestURI(),
                request.getHeader(HttpHeaders.ORIGIN), request.getHeader("Sec-Fetch-Site"));
        EngineRestErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "CrossSiteRequestRefused",
                "The engine REST API takes no requests that a page of another site makes a browser send");
    }
}
