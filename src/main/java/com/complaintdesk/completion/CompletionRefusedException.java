package com.complaintdesk.completion;

import com.complaintdesk.complaint.InvalidInputException.FieldError;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion its form does not allow: a variable the form does not declare, a required field missing, a value
 * the form would refuse. A {@link FormFieldValidationException}, which the engine REST API (and Tasklist, which uses it)
 * answers with 400 and this message, as it does for the engine's own form field validation.
 */
public class CompletionRefusedException extends FormFieldValidationException {

    private final transient List<FieldError> errors;

    CompletionRefusedException(List<FieldError> errors) {
        super(errors, "Invalid input: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> getErrors() {
        return errors;
    }
}
