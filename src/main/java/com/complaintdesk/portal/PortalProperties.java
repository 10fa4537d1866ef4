package com.complaintdesk.portal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the merchants' portal and its public API (complaint-desk.portal.*). */
@ConfigurationProperties("complaint-desk.portal")
class PortalProperties {

    private final RateLimit rateLimit = new RateLimit();
    /** The customer-service hotline the portal names (Lakala's could not be confirmed: set it per installation). */
    private String hotline;

    RateLimit getRateLimit() { return rateLimit; }
    String getHotline() { return hotline; }
    void setHotline(String hotline) { this.hotline = hotline; }

    /** Requests per minute one client address may send to /api; addresses of proxies whose X-Forwarded-For is believed. */
    static class RateLimit {

        private int requestsPerMinute = 60;
        private List<String> trustedProxies = new ArrayList<>();

        int getRequestsPerMinute() { return requestsPerMinute; }
        void setRequestsPerMinute(int requestsPerMinute) { this.requestsPerMinute = requestsPerMinute; }
        List<String> getTrustedProxies() { return trustedProxies; }
        void setTrustedProxies(List<String> trustedProxies) { this.trustedProxies = trustedProxies; }
    }
}
