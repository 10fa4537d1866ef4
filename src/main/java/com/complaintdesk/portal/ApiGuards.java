package com.complaintdesk.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits and error answers of the public API (/api) that come before any controller: a JSON body over
 * {@link #MAX_JSON_BYTES} is refused with 413 at once (by its Content-Length, or, sent without one, as soon as the
 * limit is passed: the stream is capped, never read to its end), and every error the container or Spring MVC answers
 * itself under /api (405 method not allowed, 406 not acceptable, 404 no such path, 400 a malformed request) is
 * application/problem+json like the controller's own (ApiProblems).
 */
@Configuration
class ApiGuards {

    /** The largest JSON body the public API reads: 1 MB (a complaint's text fields together are far smaller). */
    static final long MAX_JSON_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown by the capped stream when a body without Content-Length passes the limit; ApiProblems answers 413. */
    static class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("The JSON body is larger than " + MAX_JSON_BYTES + " bytes");
        }
    }

    @Bean
    FilterRegistrationBean<Filter> apiBodyLimitFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new BodyLimit());
        registration.setName("api-body-limit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> apiErrorPagesFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ErrorPages());
        registration.setName("api-error-pages");
        registration.addUrlPatterns("/error", "/error/*");
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
        return registration;
    }

    /**
     * Requests the container refuses before any filter runs (a malformed path: an encoded slash, a broken escape) get
     * Tomcat's error report; under /api it is a problem too. Added after Spring Boot's own error report valve, so it
     * answers first.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiContainerErrors() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new ContainerErrors()));
            }
        };
    }

    static final class ContainerErrors extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            int status = response.getStatus();
            if (uri == null || !(uri.equals("/api") || uri.startsWith("/api/")) || status < 400 || response.getContentWritten() > 0) {
                super.report(request, response, throwable);
                return;
            }
            if (!response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            try {
                response.setSuspended(false);
                response.resetBuffer(true);
                writeProblem(response.getResponse(), known == null ? HttpStatus.BAD_REQUEST : known,
                        known == HttpStatus.BAD_REQUEST || known == null ? "The request is malformed" : known.getReasonPhrase());
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the connection is gone: nothing more to say
            }
        }
    }

    static void writeProblem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", status.getReasonPhrase())
                .put("status", status.value())
                .put("detail", detail);
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IllegalStateException writerInUse) {
            response.getWriter().write(new String(body, StandardCharsets.UTF_8));
        }
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isCompatibleWith(MediaType.APPLICATION_JSON) || media.getSubtype().endsWith("+json");
        } catch (RuntimeException e) {
            return false;
        }
    }

    static final class BodyLimit extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!isJson(request)) {
                chain.doFilter(request, response);
                return;
            }
            if (request.getContentLengthLong() > MAX_JSON_BYTES) {
                response.setHeader(HttpHeaders.CONNECTION, "close");
                writeProblem(response, HttpStatus.PAYLOAD_TOO_LARGE, "A JSON body may have at most 1 MB");
                response.flushBuffer(); // the answer goes now; the body is never read
                return;
            }
            chain.doFilter(new CappedBody(request), response);
        }
    }

    /** The request's body, refused with BodyTooLargeException as soon as it passes the limit. */
    private static final class CappedBody extends HttpServletRequestWrapper {
        private ServletInputStream capped;

        CappedBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                ServletInputStream in = super.getInputStream();
                capped = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > MAX_JSON_BYTES) {
                            throw new BodyTooLargeException();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return capped;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    /** Spring Boot's error page for a request under /api: problem+json instead of its JSON or HTML page. */
    static final class ErrorPages extends OncePerRequestFilter {
        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            String api = request.getContextPath() + "/api";
            if (!(uri instanceof String path) || !(path.equals(api) || path.startsWith(api + "/")) || response.isCommitted()) {
                chain.doFilter(request, response);
                return;
            }
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                    ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
            writeProblem(response, status, detail(status, response));
        }

        private static String detail(HttpStatus status, HttpServletResponse response) {
            return switch (status) {
                case METHOD_NOT_ALLOWED -> "This method is not allowed here"
                        + (response.getHeader(HttpHeaders.ALLOW) == null ? "" : "; allowed: " + response.getHeader(HttpHeaders.ALLOW));
                case NOT_ACCEPTABLE -> "The API answers application/json (errors application/problem+json)";
                case NOT_FOUND -> "No such resource in the public API";
                case BAD_REQUEST -> "The request is malformed";
                case PAYLOAD_TOO_LARGE -> "The request is too large";
                case UNSUPPORTED_MEDIA_TYPE -> "Send application/json, or multipart/form-data for evidence files";
                default -> status.is5xxServerError() ? "The request could not be completed; please try again later" : status.getReasonPhrase();
            };
        }
    }
}
