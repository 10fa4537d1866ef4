package com.complaintdesk.config;

import com.complaintdesk.complaint.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A staff page's form: what was entered, read back as typed values, and shown again by the template's fields
 * (templates/staff/fragments.html) with the fields an {@link InvalidInputException} names marked and listed above the
 * form. Field names are the names the services use in their errors (the variable descriptors, ComplaintRegistration), so an
 * error points at its field. The template escapes every value.
 */
public final class StaffForm {

    private final Map<String, String> values;
    private final List<InvalidInputException.FieldError> errors;

    private StaffForm(Map<String, String> values, List<InvalidInputException.FieldError> errors) {
        this.values = values;
        this.errors = errors;
    }

    /** The form as entered (request parameters by name); null means an empty form. */
    public static StaffForm of(Map<String, String> entered) {
        return new StaffForm(entered == null ? Map.of() : Map.copyOf(entered), List.of());
    }

    /** The same values, with a value given before the form is shown (e.g. today's date, a complaint number). */
    public StaffForm withDefault(String name, String value) {
        if (values.containsKey(name) || value == null) {
            return this;
        }
        Map<String, String> copy = new HashMap<>(values);
        copy.put(name, value);
        return new StaffForm(Map.copyOf(copy), errors);
    }

    /** The same values, shown with what was wrong with them. */
    public StaffForm withErrors(InvalidInputException e) {
        return new StaffForm(values, e.getErrors());
    }

    // ---- reading what was entered ----

    /** The value stripped of surrounding white space, or null when it is missing or blank. */
    public String text(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value as one of {@code type}'s constants, null when blank; any other value is an error naming the field. */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(name, "must be one of the choices offered, not '" + value + "'");
        }
    }

    /** The value as a date (yyyy-MM-dd, what a date field sends), null when blank; anything else is an error naming the field. */
    public LocalDate date(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "must be a date like 2026-11-26, not '" + value + "'");
        }
    }

    /** True when the checkbox was ticked. */
    public boolean checked(String name) {
        return text(name) != null;
    }

    // ---- what a template shows (templates/staff/fragments.html) ----

    /** The value as entered, or empty. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** True when an error names the field. */
    public boolean hasError(String name) {
        return invalidFields().contains(name);
    }

    /** What was wrong, each naming its field. */
    public List<InvalidInputException.FieldError> errors() {
        return errors;
    }

    private Set<String> invalidFields() {
        return errors.stream().map(InvalidInputException.FieldError::field).collect(Collectors.toSet());
    }
}
