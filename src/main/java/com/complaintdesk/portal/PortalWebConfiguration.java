package com.complaintdesk.portal;

import com.complaintdesk.complaint.BundleWords;
import io.github.bucket4j.TimeMeter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.tags.Tag;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web wiring of the portal: the page at /portal/ (static files in static/portal/), the rate limit on /api, security
 * headers on the portal's page and API, and the OpenAPI description's title, words and field labels (from the message
 * bundles).
 */
@Configuration
class PortalWebConfiguration implements WebMvcConfigurer {

    /** Scripts and styles only from the app itself: no inline script, no third-party source, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Fields of ComplaintRequest described by their label (the portal's words for them). */
    private static final List<String> LABELLED_FIELDS = List.of("merchantId", "terminalSerial", "contractedRatePercent");

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
                .description(BundleWords.both("openapi.description")))
                // the controllers' @Tag names it; its words are here, where the bundles can be read
                .addTagsItem(new Tag().name("Complaints").description(BundleWords.both("openapi.tag.complaints")));
    }

    /**
     * The request's fields whose description is their label, Chinese first with English beside, in the words the
     * portal's form and the 400's errors use for them (portal.field.*); an English note of the field's own follows.
     */
    @Bean
    OpenApiCustomizer complaintRequestFieldLabels() {
        return openApi -> {
            Schema<?> request = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null
                    ? null : openApi.getComponents().getSchemas().get("ComplaintRequest");
            if (request == null || request.getProperties() == null) {
                return;
            }
            for (String name : LABELLED_FIELDS) {
                Schema<?> field = request.getProperties().get(name);
                String label = BundleWords.both("portal.field." + name);
                if (field != null && (field.getDescription() == null || !field.getDescription().startsWith(label))) {
                    field.setDescription(field.getDescription() == null ? label : label + ". " + field.getDescription());
                }
            }
        };
    }
}
