package com.complaintdesk.config;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Staff-facing HTTP endpoints require a Camunda user: the engine REST API (Camunda Modeler's deploy button,
 * integrators) and the staff pages under /staff. Camunda's own filter checks HTTP Basic credentials against the
 * engine's identity service and runs the request as that user, so authorizations apply. /actuator/prometheus (metrics
 * for operators) takes the same login; /actuator/health stays open for load balancers. The web apps under
 * /camunda have their own login; the public complaint API under /api is open by design.
 */
@Configuration
class StaffAuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<Filter> staffAuthenticationFilter(ProcessEngine processEngine) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ApplicationEngineAuthenticationFilter(processEngine));
        registration.setName("camunda-http-basic");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/staff/*", "/actuator/prometheus");
        return registration;
    }

    /**
     * Checks credentials against this application's engine (the Spring bean) rather than whatever engine named
     * "default" the static lookup finds: where a camunda.cfg.xml is on the classpath (the fast process tests have
     * one), that lookup builds a second, in-memory engine of that name, and every login against it would fail.
     */
    static class ApplicationEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

        private final ProcessEngine processEngine;

        ApplicationEngineAuthenticationFilter(ProcessEngine processEngine) {
            this.processEngine = processEngine;
        }

        @Override
        protected ProcessEngine getAddressedEngine(String engineName) {
            return processEngine.getName().equals(engineName) ? processEngine : null;
        }
    }
}
