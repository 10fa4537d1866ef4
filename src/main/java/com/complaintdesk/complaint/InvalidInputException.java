package com.complaintdesk.complaint;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input from a form, the API or a message: names every bad field, so staff and merchants see what to fix.
 * Thrown before anything is written, and inside the transaction of the step, so nothing is half-written.
 */
public class InvalidInputException extends RuntimeException {

    public record FieldError(String field, String message) {
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

    public List<FieldError> getErrors() {
        return errors;
    }
}
