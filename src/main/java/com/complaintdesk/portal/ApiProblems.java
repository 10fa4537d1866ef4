package com.complaintdesk.portal;

import com.complaintdesk.complaint.AlreadyDoneException;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.complaint.InvalidInputException.FieldError;
import com.complaintdesk.complaint.Words;
import com.complaintdesk.evidence.EvidenceFileRejectedException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Errors of the public API as application/problem+json (RFC 9457): a title, a detail, and for bad input an
 * {@code errors} array naming each field at fault ({@code {field, label, message}}). Nothing about the server leaks out.
 * <p>
 * The detail and each error's message speak the request's language (Accept-Language: Chinese unless English; English
 * when the request names no language, as for an integrator): refusals worded by a key of the message bundles are
 * resolved there, Bean Validation's messages come in that language already. {@code field} stays the machine-readable
 * name; {@code label} is the field's label on the portal's page in that language ({@code portal.field.*}). The title
 * stays a short English summary.
 */
@RestControllerAdvice(assignableTypes = ComplaintApiController.class)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    static final String NOT_FOUND_DETAIL = "No complaint with this number and access code";
    private static final String INVALID = "Invalid input";

    private final Words words;

    ApiProblems(Words words) {
        this.words = words;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, INVALID, "refusal.invalidInput", e.getErrors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiGuards.BodyTooLargeException) {
                return problem(request, HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "refusal.bodyTooLarge", null);
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(request, HttpStatus.BAD_REQUEST, INVALID, "refusal.unknownField",
                    List.of(FieldError.keyed(path(unknown), "refusal.notAField")));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            JsonMappingException mapping = (JsonMappingException) cause;
            String field = path(mapping);
            if (!field.isEmpty()) {
                return problem(request, HttpStatus.BAD_REQUEST, INVALID, "refusal.wrongTypeDetail", List.of(expected(field, mapping)));
            }
        }
        return problem(request, HttpStatus.BAD_REQUEST, "Malformed request", "refusal.malformed", List.of());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, INVALID, "refusal.missingHeader",
                List.of(FieldError.keyed(e.getHeaderName(), "refusal.required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, INVALID, "refusal.missingPart",
                List.of(FieldError.keyed(e.getRequestPartName(), "refusal.required")));
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ComplaintNotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", NOT_FOUND_DETAIL, null);
    }

    @ExceptionHandler(PortalConflictException.class)
    ResponseEntity<ProblemDetail> conflict(PortalConflictException e, HttpServletRequest request) {
        return problem(request, HttpStatus.CONFLICT, "Not possible now", e.getKey(), null);
    }

    @ExceptionHandler(MismatchingMessageCorrelationException.class)
    ResponseEntity<ProblemDetail> nothingWaits(MismatchingMessageCorrelationException e, HttpServletRequest request) {
        log.info("Message for a complaint that no longer waits: {}", e.getMessage());
        return problem(request, HttpStatus.CONFLICT, "Not possible now", "refusal.noLongerWaits", null);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e, HttpServletRequest request) {
        return problem(request, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", "refusal.idempotencyKeyReusedDetail",
                List.of(FieldError.keyed(ComplaintApiController.IDEMPOTENCY_KEY, "refusal.idempotencyKeyReused")));
    }

    @ExceptionHandler(EvidenceFileRejectedException.class)
    ResponseEntity<ProblemDetail> fileRejected(EvidenceFileRejectedException e, HttpServletRequest request) {
        HttpStatus status = switch (e.getReason()) {
            case EMPTY -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY_FILES -> HttpStatus.CONFLICT;
        };
        FieldError error = e.fieldError();
        Locale locale = language(request);
        return problem(request, status, "File not accepted", message(locale, error), List.of(error));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(request, HttpStatus.PAYLOAD_TOO_LARGE, "Upload too large", "refusal.uploadTooLarge", null, "10");
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> wrongMediaType(Exception e, HttpServletRequest request) {
        return problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "refusal.unsupportedMediaType", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AlreadyDoneException done) {
                // a concurrent request did this first (found under the row lock, e.g. in the engine step): rolled back
                log.info("Public API request lost a race: {}", done.getMessage());
                return problem(HttpStatus.CONFLICT, "Not possible now", done.getMessage(), null);
            }
            if (t instanceof OptimisticLockingException || t instanceof OptimisticLockingFailureException) {
                // two requests changed the same complaint at once (the engine's or our record's version check): this one
                // was rolled back, the other's answer stands
                log.info("Public API request lost a race: {}", t.getMessage());
                return problem(request, HttpStatus.CONFLICT, "Not possible now", "refusal.lostRace", null);
            }
        }
        if (e instanceof org.springframework.web.ErrorResponse known) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return problem(status, status.getReasonPhrase(), known.getBody().getDetail(), null);
        }
        log.error("Public API request failed", e);
        return problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "refusal.internal", null);
    }

    /** The language of the answer: the request's (Chinese unless English), English when it names none. */
    private static Locale language(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? Words.EN : LocaleContextHolder.getLocale();
    }

    /** A refusal's message in the language: its key's words, or the message as given (Bean Validation's, already in it). */
    private String message(Locale locale, FieldError error) {
        return error.key() == null ? error.message() : words.in(locale, error.key(), error.args().toArray());
    }

    /** The field's label on the portal's page (portal.field.*; the evidence upload's own), or null for a field it has none for. */
    private String label(Locale locale, String field, HttpServletRequest request) {
        String name = field.replaceAll("\\[\\d+]", "");
        String scope = request.getRequestURI().endsWith("/evidence") ? "evidence." : "";
        return words.find(locale, "portal.field." + scope + name);
    }

    private ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, String title, String detailKey,
                                                  List<FieldError> errors, Object... args) {
        Locale locale = language(request);
        String detail = detailKey.startsWith("refusal.") ? words.in(locale, detailKey, args) : detailKey;
        ResponseEntity<ProblemDetail> answer = problem(status, title, detail, null);
        if (errors != null) {
            answer.getBody().setProperty("errors", errors.stream().map(error -> {
                Map<String, String> item = new LinkedHashMap<>();
                item.put("field", error.field());
                String label = label(locale, error.field(), request);
                if (label != null) {
                    item.put("label", label);
                }
                item.put("message", message(locale, error));
                return item;
            }).toList());
        }
        return answer;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors.stream()
                    .map(error -> Map.of("field", error.field(), "message", error.message()))
                    .toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static FieldError expected(String field, JsonMappingException e) {
        Class<?> type = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (type == null) {
            return FieldError.keyed(field, "refusal.wrongType");
        }
        if (type.isEnum()) {
            return FieldError.keyed(field, "refusal.mustBeOneOf", java.util.Arrays.toString(type.getEnumConstants()));
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return FieldError.keyed(field, "refusal.mustBeNumber");
        }
        if (type == Boolean.class || type == boolean.class) {
            return FieldError.keyed(field, "refusal.mustBeBoolean");
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return FieldError.keyed(field, "refusal.mustBeDateTime");
        }
        if (List.class.isAssignableFrom(type)) {
            return FieldError.keyed(field, "refusal.mustBeList");
        }
        if (type == String.class) {
            return FieldError.keyed(field, "refusal.mustBeText");
        }
        return FieldError.keyed(field, "refusal.wrongType");
    }
}
