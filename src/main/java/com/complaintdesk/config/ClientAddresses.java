package com.complaintdesk.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Set;

/**
 * The address a request comes from, for per-client limits (the public API's rate limit, the staff login throttle).
 * The connection's address; X-Forwarded-For is believed only when the connection comes from a configured trusted
 * proxy (complaint-desk.portal.rate-limit.trusted-proxies), and then its last entry that is not itself a trusted
 * proxy counts (the entries before it are the client's to write).
 */
public final class ClientAddresses {

    private final Set<String> trustedProxies;

    public ClientAddresses(Collection<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public String of(HttpServletRequest request) {
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
