package com.complaintdesk.portal;

import io.github.bucket4j.TimeMeter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web wiring of the portal: the page at /portal/ (static files in static/portal/), the rate limit on /api, security
 * headers on the portal's page and API, and the OpenAPI description's title.
 */
@Configuration
class PortalWebConfiguration implements WebMvcConfigurer {

    /** Scripts and styles only from the app itself: no inline script, no third-party source, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/portal", "/portal/");
        registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
    }

    @Bean
    FilterRegistrationBean<Filter> apiRateLimitFilter(PortalProperties properties) {
        PortalProperties.RateLimit limit = properties.getRateLimit();
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new RateLimitFilter(
                new ClientRateLimiter(limit.getRequestsPerMinute(), TimeMeter.SYSTEM_NANOTIME), limit.getTrustedProxies()));
        registration.setName("api-rate-limit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> portalSecurityHeadersFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Referrer-Policy", "no-referrer");
            http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            http.setHeader("Cache-Control", "no-store");
            chain.doFilter(request, response);
        });
        registration.setName("portal-security-headers");
        registration.addUrlPatterns("/api/*", "/portal/*", "/portal");
        return registration;
    }

    @Bean
    OpenAPI complaintDeskOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Complaint Desk public API")
                .version("1")
                .description("商户在线投诉 Merchants file and follow complaints about POS terminals: file a complaint, send "
                        + "evidence, answer the settlement offered, give the survey. Errors are application/problem+json "
                        + "(RFC 9457) with an `errors` array naming each bad field. Requests per client address are "
                        + "rate-limited (429)."));
    }
}
