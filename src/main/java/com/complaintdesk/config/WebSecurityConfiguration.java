package com.complaintdesk.config;

import io.github.bucket4j.TimeMeter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The filters that guard every staff-facing entry (docs/security.md): security headers on every response,
 * cross-site requests refused on the engine REST API, and failed logins throttled per client address. They run before
 * Camunda's HTTP Basic filter (StaffAuthenticationConfiguration) and the web apps' own filters.
 */
@Configuration
class WebSecurityConfiguration {

    @Bean
    FilterRegistrationBean<Filter> securityHeadersFilter(@Value("${complaint-desk.security.hsts:false}") boolean hsts,
                                                          @Value("${complaint-desk.security.hsts-max-age:31536000}") long hstsMaxAge) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new SecurityHeaders(hsts ? hstsMaxAge : null));
        registration.setName("security-headers");
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC, DispatcherType.FORWARD);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> crossSiteEngineRequestsFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new CrossSiteEngineRequests());
        registration.setName("engine-rest-cross-site");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> loginThrottleFilter(
            @Value("${complaint-desk.login.failures-per-account:5}") int perAccount,
            @Value("${complaint-desk.login.failures-per-address:20}") int perAddress,
            @Value("${complaint-desk.login.window:1h}") Duration window,
            Environment environment) {
        List<String> trustedProxies = Binder.get(environment)
                .bind("complaint-desk.portal.rate-limit.trusted-proxies", Bindable.listOf(String.class)).orElse(List.of());
        LoginThrottle throttle = new LoginThrottle(perAccount, perAddress, window, TimeMeter.SYSTEM_NANOTIME);
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new LoginThrottleFilter(throttle, new ClientAddresses(trustedProxies)));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/engine-rest/*", "/staff/*", "/actuator", "/actuator/*", "/camunda/api/admin/auth/user/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
