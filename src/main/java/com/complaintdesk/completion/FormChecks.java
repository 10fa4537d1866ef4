package com.complaintdesk.completion;

import com.complaintdesk.complaint.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What a task's form allows and demands, checked on the server as the form checks it in the browser: only the form's
 * fields may be set; every visible required field must be there (a field the form's FEEL condition hides is not
 * required); each value must be of the field's kind and within its rules (pattern, length, min/max, the values a
 * select or radio offers).
 */
final class FormChecks {

    private final Supplier<FeelEngine> feel;

    FormChecks(Supplier<FeelEngine> feel) {
        this.feel = feel;
    }

    /**
     * A completion: the submitted variables against the form. {@code current} gives the variables the task sees now
     * (asked for only when a field has a hide condition), with which the form decides what it shows.
     */
    List<FieldError> completion(TaskForm form, Map<String, ?> submitted, Supplier<Map<String, Object>> current) {
        Map<String, Object> values = plain(submitted);
        List<FieldError> errors = new ArrayList<>(undeclared(form, values.keySet()));
        Map<String, Object> context = null;
        for (TaskForm.Field field : form.fields().values()) {
            Object value = values.get(field.key());
            if (isBlank(value)) {
                if (field.required()) {
                    if (field.hide() != null && context == null) {
                        context = context(form, current.get(), values);
                    }
                    if (field.hide() == null || !hidden(field, context)) {
                        errors.add(new FieldError(field.key(), "is required (" + field.label() + ")"));
                    }
                }
            } else {
                String problem = invalid(field, value);
                if (problem != null) {
                    errors.add(new FieldError(field.key(), problem));
                }
            }
        }
        return errors;
    }

    /** Setting or removing variables of a task outside its completion: only the form's fields, each valid if given. */
    List<FieldError> variables(TaskForm form, Collection<String> names, Map<String, ?> given) {
        Map<String, Object> values = plain(given);
        List<FieldError> errors = new ArrayList<>(undeclared(form, names));
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            TaskForm.Field field = form.fields().get(entry.getKey());
            if (field != null && !isBlank(entry.getValue())) {
                String problem = invalid(field, entry.getValue());
                if (problem != null) {
                    errors.add(new FieldError(field.key(), problem));
                }
            }
        }
        return errors;
    }

    private static List<FieldError> undeclared(TaskForm form, Collection<String> names) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            if (!form.fields().containsKey(name)) {
                errors.add(new FieldError(name, "is not a field of this task's form" + (form.id() == null ? "" : " (" + form.id() + ")")
                        + " and cannot be set by it"));
            }
        }
        return errors;
    }

    private boolean hidden(TaskForm.Field field, Map<String, Object> context) {
        String expression = field.hide().strip();
        if (expression.startsWith("=")) {
            expression = expression.substring(1);
        }
        try {
            Object result = feel.get().evaluateSimpleExpression(expression, Variables.fromMap(context).asVariableContext());
            return Boolean.TRUE.equals(result);
        } catch (RuntimeException e) {
            return false; // a condition that cannot be evaluated shows the field, so a required field stays required
        }
    }

    private static Map<String, Object> context(TaskForm form, Map<String, Object> current, Map<String, Object> submitted) {
        Map<String, Object> context = new HashMap<>();
        form.keys().forEach(key -> context.put(key, null));
        context.putAll(current);
        submitted.forEach((key, value) -> context.put(key, isBlank(value) ? null : value));
        return context;
    }

    /** Why the value does not fit the field, or null. */
    static String invalid(TaskForm.Field field, Object value) {
        switch (field.type()) {
            case "number" -> {
                BigDecimal number = number(value);
                if (number == null) {
                    return "must be a number";
                }
                if (field.min() != null && number.compareTo(field.min()) < 0) {
                    return "must be at least " + field.min().toPlainString();
                }
                if (field.max() != null && number.compareTo(field.max()) > 0) {
                    return "must be at most " + field.max().toPlainString();
                }
                return null;
            }
            case "checkbox" -> {
                return value instanceof Boolean || "true".equals(value) || "false".equals(value) ? null : "must be true or false";
            }
            case "datetime" -> {
                return isDate(value) ? null : "must be a date like 2026-11-26" + ("date".equals(field.subtype()) ? "" : " or a date and time like 2026-11-26T14:30");
            }
            case "checklist", "taglist" -> {
                if (!(value instanceof Collection<?> items)) {
                    return "must be a list";
                }
                for (Object item : items) {
                    if (field.offersValues() && !field.values().contains(String.valueOf(item))) {
                        return "must hold only " + field.values();
                    }
                }
                return null;
            }
            default -> {
                if (!(value instanceof CharSequence)) {
                    return "must be text";
                }
                String text = value.toString();
                if (field.offersValues()) {
                    return field.values().contains(text) ? null : "must be one of " + field.values();
                }
                if (field.minLength() != null && text.length() < field.minLength()) {
                    return "must be at least " + field.minLength() + " characters";
                }
                if (field.maxLength() != null && text.length() > field.maxLength()) {
                    return "must be at most " + field.maxLength() + " characters";
                }
                if (field.pattern() != null && !field.pattern().matcher(text).find()) {
                    return "must match " + field.pattern().pattern();
                }
                return null;
            }
        }
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            try {
                return new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                return null; // NaN, Infinity
            }
        }
        if (value instanceof CharSequence text) {
            try {
                return new BigDecimal(text.toString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean isDate(Object value) {
        if (value instanceof Date || value instanceof TemporalAccessor) {
            return true;
        }
        if (!(value instanceof CharSequence)) {
            return false;
        }
        String text = value.toString().strip();
        for (java.util.function.Function<String, ?> parser : List.<java.util.function.Function<String, ?>>of(
                LocalDate::parse, LocalDateTime::parse, OffsetDateTime::parse)) {
            try {
                parser.apply(text);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

    static boolean isBlank(Object value) {
        return value == null || (value instanceof CharSequence text && text.toString().isBlank());
    }

    /** The values of a variable map, typed values unwrapped; a value that cannot be read stays as it is (and fails its check). */
    private static Map<String, Object> plain(Map<String, ?> variables) {
        Map<String, Object> values = new HashMap<>();
        if (variables == null) {
            return values;
        }
        var typed = Variables.fromMap(new HashMap<>(variables));
        for (String key : variables.keySet()) {
            try {
                values.put(key, typed.get(key));
            } catch (RuntimeException e) {
                values.put(key, typed.getValueTyped(key));
            }
        }
        return values;
    }

    static Set<String> names(Map<String, ?> variables) {
        return variables == null ? Set.of() : variables.keySet();
    }
}
