package com.complaintdesk.config;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpHeaders;

/**
 * Checks shared by the staff pages under /staff (evidence, notifications, extension requests). The HTTP Basic filter
 * (StaffAuthenticationConfiguration) has already signed the user in; these say who may use a page and refuse forms
 * posted from another site with the browser's cached credentials (CSRF).
 */
public final class StaffRequests {

    private StaffRequests() {
    }

    /** The signed-in user's id when one of their groups is allowed, otherwise null. */
    public static String staffUser(IdentityService identityService, Predicate<String> allowedGroup) {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return null;
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        return groups.stream().anyMatch(allowedGroup) ? authentication.getUserId() : null;
    }

    /**
     * False for a request another site made the browser send: Sec-Fetch-Site says so (anything but same-origin, or none
     * for what the user typed), or an Origin that is not this host (an opaque "null" origin, a file:// page and a
     * malformed Origin included). A request without either header (curl, servers, Camunda Modeler's deploy, which
     * sends from its Node process) is not a browser's cross-site request.
     */
    public static boolean fromThisSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        String originHost = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return host != null && host.equalsIgnoreCase(originHost);
    }
}
