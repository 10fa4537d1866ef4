package com.complaintdesk.portal;

import com.complaintdesk.complaint.AlreadyDoneException;
import com.complaintdesk.complaint.ComplaintNotFoundException;
import com.complaintdesk.complaint.InvalidInputException;
import com.complaintdesk.evidence.EvidenceFileRejectedException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * {@code errors} array naming each field at fault ({@code {field, message}}). Nothing about the server leaks out.
 */
@RestControllerAdvice(assignableTypes = ComplaintApiController.class)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    static final String NOT_FOUND_DETAIL = "No complaint with this number and access code";

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some fields are missing or wrong", e.getErrors());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiGuards.BodyTooLargeException) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "A JSON body may have at most 1 MB", null);
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid input", "The request has a field the API does not know",
                    List.of(new InvalidInputException.FieldError(path(unknown), "is not a field of this request")));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            JsonMappingException mapping = (JsonMappingException) cause;
            String field = path(mapping);
            if (!field.isEmpty()) {
                return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A field has a value of the wrong type",
                        List.of(new InvalidInputException.FieldError(field, expected(mapping))));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", "The body is not valid JSON for this request", List.of());
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A required header is missing",
                List.of(new InvalidInputException.FieldError(e.getHeaderName(), "is required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid input", "A required part of the upload is missing",
                List.of(new InvalidInputException.FieldError(e.getRequestPartName(), "is required")));
    }

    @ExceptionHandler(ComplaintNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ComplaintNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", NOT_FOUND_DETAIL, null);
    }

    @ExceptionHandler(PortalConflictException.class)
    ResponseEntity<ProblemDetail> conflict(PortalConflictException e) {
        return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage(), null);
    }

    @ExceptionHandler(MismatchingMessageCorrelationException.class)
    ResponseEntity<ProblemDetail> nothingWaits(MismatchingMessageCorrelationException e) {
        log.info("Message for a complaint that no longer waits: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "Not possible now", "The complaint no longer waits for this", null);
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", e.getMessage(),
                List.of(new InvalidInputException.FieldError(ComplaintApiController.IDEMPOTENCY_KEY, "was used for a different request")));
    }

    @ExceptionHandler(EvidenceFileRejectedException.class)
    ResponseEntity<ProblemDetail> fileRejected(EvidenceFileRejectedException e) {
        HttpStatus status = switch (e.getReason()) {
            case EMPTY -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_MANY_FILES -> HttpStatus.CONFLICT;
        };
        return problem(status, "File not accepted", e.getMessage(),
                List.of(new InvalidInputException.FieldError(e.getField(), e.getMessage())));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Upload too large", "A file may have at most 10 MB", null);
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> wrongMediaType(Exception e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "Send application/json, or multipart/form-data for evidence files", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e) {
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
                return problem(HttpStatus.CONFLICT, "Not possible now", "Another request for this complaint came at the same time; "
                        + "this one was not carried out. Reload the complaint to see where it stands", null);
            }
        }
        if (e instanceof org.springframework.web.ErrorResponse known) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return problem(status, status.getReasonPhrase(), known.getBody().getDetail(), null);
        }
        log.error("Public API request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The request could not be completed; please try again later", null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                         List<InvalidInputException.FieldError> errors) {
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

    private static String expected(JsonMappingException e) {
        Class<?> type = e instanceof MismatchedInputException mismatched ? mismatched.getTargetType() : null;
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be a date and time like 2026-11-26T14:30:00+08:00";
        }
        if (List.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        if (type == String.class) {
            return "must be text";
        }
        return "has the wrong type";
    }
}
