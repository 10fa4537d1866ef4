package com.complaintdesk.config;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import com.complaintdesk.complaint.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A staff page's form: what was entered, read back as typed values, and written out again as HTML fields that keep
 * it, with the fields an {@link InvalidInputException} names marked and listed above the form. Field names are the
 * names the services use in their errors (LifecycleVariables, ComplaintRegistration), so an error points at its field.
 * Every value is HTML-escaped.
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

    // ---- writing the form ----

    /** The errors, each naming its field, or nothing. */
    public String errorList() {
        if (errors.isEmpty()) {
            return "";
        }
        return "<div class=\"error\" role=\"alert\"><p>未保存，请更正 Not saved, please correct:</p><ul>"
                + errors.stream().map(e -> "<li>" + htmlEscape(e.field()) + ": " + htmlEscape(e.message()) + "</li>").collect(Collectors.joining())
                + "</ul></div>\n";
    }

    /** An input of {@code type} (text, date, email, tel, number); {@code attributes} adds e.g. maxlength="100" (trusted HTML). */
    public String input(String name, String label, String type, String attributes, boolean required, String hint) {
        return "<p>" + label(name, label, required) + hint(hint) + "<br><input id=\"" + name + "\" name=\"" + name + "\" type=\"" + type + "\""
                + (attributes.isEmpty() ? "" : " " + attributes) + (required ? " required" : "")
                + " value=\"" + htmlEscape(values.getOrDefault(name, "")) + "\"" + invalid(name) + "></p>\n";
    }

    public String textarea(String name, String label, int maxLength, boolean required, String hint) {
        return "<p>" + label(name, label, required) + hint(hint) + "<br><textarea id=\"" + name + "\" name=\"" + name + "\" rows=\"5\" maxlength=\""
                + maxLength + "\"" + (required ? " required" : "") + invalid(name) + ">" + htmlEscape(values.getOrDefault(name, ""))
                + "</textarea></p>\n";
    }

    /** A drop-down of {@code options} (value to label, in order), with an empty first choice. */
    public String select(String name, String label, Map<String, String> options, boolean required) {
        StringBuilder html = new StringBuilder("<p>").append(label(name, label, required)).append("<br><select id=\"").append(name)
                .append("\" name=\"").append(name).append("\"").append(required ? " required" : "").append(invalid(name))
                .append("><option value=\"\">请选择 Choose…</option>");
        options.forEach((value, text) -> html.append("<option value=\"").append(htmlEscape(value)).append("\"")
                .append(value.equals(values.get(name)) ? " selected" : "").append(">").append(htmlEscape(text)).append("</option>"));
        return html.append("</select></p>\n").toString();
    }

    /** One radio button per option (value to label, in order). */
    public String radios(String name, String legend, Map<String, String> options, boolean required) {
        StringBuilder html = new StringBuilder("<fieldset").append(invalid(name)).append("><legend>").append(htmlEscape(legend))
                .append(required ? " *" : "").append("</legend>");
        options.forEach((value, text) -> {
            String id = name + "-" + value;
            html.append("<label style=\"font-weight:normal\"><input type=\"radio\" id=\"").append(htmlEscape(id)).append("\" name=\"").append(name)
                    .append("\" value=\"").append(htmlEscape(value)).append("\"").append(required ? " required" : "")
                    .append(value.equals(values.get(name)) ? " checked" : "").append("> ").append(htmlEscape(text)).append("</label><br>");
        });
        return html.append("</fieldset>\n").toString();
    }

    public String checkbox(String name, String label) {
        return "<p><label><input type=\"checkbox\" id=\"" + name + "\" name=\"" + name + "\" value=\"true\"" + (checked(name) ? " checked" : "")
                + "> " + htmlEscape(label) + "</label></p>\n";
    }

    private Set<String> invalidFields() {
        return errors.stream().map(InvalidInputException.FieldError::field).collect(Collectors.toSet());
    }

    private String invalid(String name) {
        return invalidFields().contains(name) ? " aria-invalid=\"true\"" : "";
    }

    private static String label(String name, String label, boolean required) {
        return "<label for=\"" + name + "\">" + htmlEscape(label) + (required ? " *" : "") + "</label>";
    }

    private static String hint(String hint) {
        return hint == null ? "" : " <span class=\"hint\">" + htmlEscape(hint) + "</span>";
    }
}
