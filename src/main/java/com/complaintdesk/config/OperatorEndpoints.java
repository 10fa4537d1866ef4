package com.complaintdesk.config;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot Actuator beyond /actuator/health is for operators: metrics (/actuator/prometheus), info and whatever
 * else is exposed later. The request first passes Camunda's HTTP Basic filter ({@code login}: 401 without a valid
 * login); then the user must be in one of {@code groups} (complaint-desk.operators.groups, by default
 * complaint-managers and camunda-admin), else 403. /actuator/health and its probes stay open for load balancers.
 */
class OperatorEndpoints extends OncePerRequestFilter {

    private final Filter login;
    private final IdentityService identityService;
    private final List<String> groups;

    OperatorEndpoints(Filter login, IdentityService identityService, List<String> groups) {
        this.login = login;
        this.identityService = identityService;
        this.groups = List.copyOf(groups);
    }

    static boolean open(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (open(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        login.doFilter(request, response, (req, res) -> {
            Authentication user = identityService.getCurrentAuthentication();
            if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(groups::contains)) {
                EngineRestErrors.write((HttpServletResponse) res, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                        "The operators' endpoints are for the groups " + groups);
                return;
            }
            chain.doFilter(req, res);
        });
    }
}
