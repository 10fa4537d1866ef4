package com.complaintdesk.config;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Staff-facing HTTP endpoints require a Camunda user: the engine REST API (Camunda Modeler's deploy button,
 * integrators) and the staff pages under /staff. Camunda's own filter checks HTTP Basic credentials against the
 * engine's identity service and runs the request as that user, so authorizations apply. The web apps under
 * /camunda have their own login; the public complaint API under /api is open by design.
 */
@Configuration
class StaffAuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<Filter> staffAuthenticationFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-http-basic");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/staff/*");
        return registration;
    }
}
