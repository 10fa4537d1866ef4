package com.complaintdesk.config;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Staff-facing HTTP endpoints require a Camunda user: the engine REST API (Camunda Modeler's deploy button,
 * integrators) and the staff pages under /staff. Camunda's own filter checks HTTP Basic credentials against the
 * engine's identity service and runs the request as that user, so authorizations apply. The actuator (metrics for
 * operators) takes the same login and wants an operators' group ({@link OperatorEndpoints}); /actuator/health stays
 * open for load balancers. The web apps under
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
        registration.addUrlPatterns("/engine-rest/*", "/staff/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> operatorEndpointsFilter(ProcessEngine processEngine,
            @Value("${complaint-desk.operators.groups:complaint-managers,camunda-admin}") List<String> groups) throws ServletException {
        ApplicationEngineAuthenticationFilter login = new ApplicationEngineAuthenticationFilter(processEngine);
        login.init(new BasicAuthenticationConfig());
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new OperatorEndpoints(login, processEngine.getIdentityService(), groups));
        registration.setName("operator-endpoints");
        registration.addUrlPatterns("/actuator", "/actuator/*");
        return registration;
    }

    /** The init parameters of the HTTP Basic filter when it runs inside {@link OperatorEndpoints}, not as a registered filter. */
    private static final class BasicAuthenticationConfig implements FilterConfig {

        @Override
        public String getFilterName() {
            return "operator-endpoints-login";
        }

        @Override
        public ServletContext getServletContext() {
            return null;
        }

        @Override
        public String getInitParameter(String name) {
            return ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM.equals(name) ? HttpBasicAuthenticationProvider.class.getName() : null;
        }

        @Override
        public Enumeration<String> getInitParameterNames() {
            return Collections.enumeration(List.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM));
        }
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
