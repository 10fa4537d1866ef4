package com.complaintdesk.complaint;

import static com.complaintdesk.shared.BusinessTime.ZONE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads of process variables. Forms submit numbers as Long or Double, dates as ISO strings and
 * unchecked checkboxes not at all; this is the one place that turns them into the types the domain uses.
 */
public final class ProcessValues {

    private ProcessValues() {
    }

    /**
     * The complaint a step acts on: the business key of its process instance (the complaint number, set when the
     * complaint was registered and passed to every called process), never a variable, which a task completion or a
     * message could set.
     */
    public static String complaintNumber(VariableScope scope) {
        String key = scope instanceof DelegateTask task && task.getExecution() != null ? task.getExecution().getProcessBusinessKey()
                : scope instanceof DelegateExecution execution ? execution.getProcessBusinessKey() : null;
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("The process instance has no business key: there is no complaint to act on");
        }
        return key;
    }

    /**
     * Free text, card numbers masked: a form field or an integrator's value may hold one, and the engine masks only
     * what it stores, not the value a listener reads in the same transaction.
     */
    public static String text(VariableScope scope, String name) {
        return CardNumberMasker.mask(asGiven(scope, name));
    }

    private static String asGiven(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public static String requiredText(VariableScope scope, String name) {
        String text = text(scope, name);
        if (text == null) {
            throw InvalidInputException.of(name, "is required");
        }
        return text;
    }

    /** Text of at most {@code maxLength} characters, as given (identifiers: a case number, a regulator's reference). */
    public static String text(VariableScope scope, String name, int maxLength, boolean required) {
        String text = asGiven(scope, name);
        if (text == null && required) {
            throw InvalidInputException.of(name, "is required");
        }
        if (text != null && text.length() > maxLength) {
            throw InvalidInputException.of(name, "must be at most " + maxLength + " characters");
        }
        return text;
    }

    public static LocalDate requiredDate(VariableScope scope, String name) {
        LocalDate value = date(scope, name);
        if (value == null) {
            throw InvalidInputException.of(name, "is required");
        }
        return value;
    }

    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && Boolean.parseBoolean(value.toString());
    }

    /** A money amount in yuan, 2 places, HALF_UP; null when absent. */
    public static BigDecimal money(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
            if (amount.signum() < 0) {
                throw InvalidInputException.of(name, "must not be negative");
            }
            return amount.setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "must be a number");
        }
    }

    public static BigDecimal decimal(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(name, "must be a number");
        }
    }

    public static int integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Number n ? n.intValue() : value == null ? 0 : Integer.parseInt(value.toString());
    }

    public static <E extends Enum<E>> E enumValue(VariableScope scope, String name, Class<E> type) {
        String text = text(scope, name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(name, "unknown value '" + text + "'");
        }
    }

    public static <E extends Enum<E>> E requiredEnum(VariableScope scope, String name, Class<E> type) {
        E value = enumValue(scope, name, type);
        if (value == null) {
            throw InvalidInputException.of(name, "is required");
        }
        return value;
    }

    /** A date from a date picker ("2026-11-26"), a date-time string or a java.util.Date. */
    public static LocalDate date(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(ZONE).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            return text.length() > 10 ? instantOf(text, name).atZone(ZONE).toLocalDate() : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "must be a date like 2026-11-26");
        }
    }

    /** A point in time from a date-time picker; a time without zone is read in Asia/Shanghai. */
    public static Instant instant(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        return instantOf(value.toString().strip(), name);
    }

    private static Instant instantOf(String text, String name) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(ZONE).toInstant();
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZONE).toInstant();
                } catch (DateTimeParseException e3) {
                    throw InvalidInputException.of(name, "must be a date and time like 2026-11-26T14:30");
                }
            }
        }
    }
}
