package com.complaintdesk.complaint;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * One process variable: its name, the type our code uses, how it is read (through {@link ProcessValues}, which
 * accepts what forms submit: numbers as Long or Double, dates as ISO strings, unchecked checkboxes not at all) and
 * how it is written (always as a typed value of the engine, so history, Cockpit and the REST API see one type).
 * The descriptors are grouped per process: {@link Lifecycle}, {@code settlement.SettlementVariables},
 * {@code legal.LegalVariables}, {@code referral.ReferralVariables}; the model checks read their names.
 *
 * <p>Money is a {@link BigDecimal} in our code and records and a typed double in the engine: the engine has no
 * decimal type, and forms and DMN tables compare it as a number. It is read back with 2 places.
 */
public final class Variable<T> {

    private final String name;
    private final Class<T> type;
    private final BiFunction<VariableScope, String, T> reader;
    private final Function<T, TypedValue> writer;

    private Variable(String name, Class<T> type, BiFunction<VariableScope, String, T> reader, Function<T, TypedValue> writer) {
        this.name = name;
        this.type = type;
        this.reader = reader;
        this.writer = writer;
    }

    /** Free text, read with card numbers masked. */
    public static Variable<String> text(String name) {
        return new Variable<>(name, String.class, ProcessValues::text, Variables::stringValue);
    }

    /** A checkbox: absent reads as false. */
    public static Variable<Boolean> flag(String name) {
        return new Variable<>(name, Boolean.class, ProcessValues::flag, Variables::booleanValue);
    }

    /** A count or a number of days: absent reads as 0. */
    public static Variable<Integer> integer(String name) {
        return new Variable<>(name, Integer.class, ProcessValues::integer, Variables::integerValue);
    }

    /** The id of one of our records. */
    public static Variable<Long> id(String name) {
        return new Variable<>(name, Long.class, (scope, n) -> scope.getVariable(n) instanceof Number number ? number.longValue()
                : ProcessValues.text(scope, n) == null ? null : Long.valueOf(ProcessValues.text(scope, n)), Variables::longValue);
    }

    /** A money amount in yuan: BigDecimal with 2 places here, a typed double in the engine. */
    public static Variable<BigDecimal> money(String name) {
        return new Variable<>(name, BigDecimal.class, ProcessValues::money,
                amount -> Variables.doubleValue(amount == null ? null : amount.doubleValue()));
    }

    /** A plain decimal (a rate in percent), written as a typed double. */
    public static Variable<BigDecimal> decimal(String name) {
        return new Variable<>(name, BigDecimal.class, ProcessValues::decimal,
                number -> Variables.doubleValue(number == null ? null : number.doubleValue()));
    }

    /** A day, kept as its ISO text ("2026-11-26"), which is what a form's date picker submits and shows. */
    public static Variable<LocalDate> date(String name) {
        return new Variable<>(name, LocalDate.class, ProcessValues::date,
                day -> Variables.stringValue(day == null ? null : day.toString()));
    }

    /** A point in time, kept as a typed date (timers and due dates read it). */
    public static Variable<Instant> instant(String name) {
        return new Variable<>(name, Instant.class, ProcessValues::instant,
                at -> Variables.dateValue(at == null ? null : Date.from(at)));
    }

    /** One value of an enum, kept as its name (gateways, DMN tables and forms compare the name). */
    public static <E extends Enum<E>> Variable<E> of(String name, Class<E> type) {
        return new Variable<>(name, type, (scope, n) -> ProcessValues.enumValue(scope, n, type),
                value -> Variables.stringValue(value == null ? null : value.name()));
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** The value, or null when absent (false or 0 for flags and counts); a value of the wrong form is a 400 naming the field. */
    public T get(VariableScope scope) {
        return reader.apply(scope, name);
    }

    public Optional<T> getOptional(VariableScope scope) {
        return Optional.ofNullable(get(scope));
    }

    /** The value; absent is a 400 naming the field. */
    public T required(VariableScope scope) {
        T value = get(scope);
        if (value == null) {
            throw InvalidInputException.of(name, "is required");
        }
        return value;
    }

    /** Writes the value as the engine's typed value (null clears it, keeping the type). */
    public void set(VariableScope scope, T value) {
        scope.setVariable(name, typed(value));
    }

    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, typed(value));
    }

    /** The engine's typed value, for builders that take variables (message correlation, process start). */
    public TypedValue typed(T value) {
        return writer.apply(value);
    }

    @Override
    public String toString() {
        return name + ": " + type.getSimpleName();
    }
}
