package com.complaintdesk.complaint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input from a form, the API or a message: names every bad field, so staff and merchants see what to fix.
 * Thrown before anything is written, and inside the transaction of the step, so nothing is half-written.
 */
public class InvalidInputException extends RuntimeException {

    /**
     * A bad field and what is wrong with it. {@code message} is English (staff, integrators, logs); a refusal built with
     * {@link #keyed} also carries its key of the message bundles and the arguments, so a merchant's page gets it in its
     * own language. The key and arguments are not part of any JSON answer.
     */
    public record FieldError(String field, String message, @JsonIgnore String key, @JsonIgnore List<Object> args) {

        public FieldError(String field, String message) {
            this(field, message, null, List.of());
        }

        public FieldError {
            args = args == null ? List.of() : List.copyOf(args);
        }

        /** The refusal worded by {@code key} ("refusal.required") of the message bundles; its message is the English words. */
        public static FieldError keyed(String field, String key, Object... args) {
            return new FieldError(field, BundleWords.en(key, args), key, List.of(args));
        }

        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("Invalid input: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    /** One field refused in words of the message bundles: {@code keyed("files", "refusal.atLeastOneFile")}. */
    public static InvalidInputException keyed(String field, String key, Object... args) {
        return new InvalidInputException(List.of(FieldError.keyed(field, key, args)));
    }

    public List<FieldError> getErrors() {
        return errors;
    }
}
