package com.complaintdesk.complaint;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The form of a complaint number, {@code CP-yyyyMMdd-NNNNNN}: the day of filing (Asia/Shanghai) and a running number of
 * six digits. Handed out by intake/ComplaintNumbers; checked wherever a number comes in. The registration and triage
 * forms carry the same {@link #REGEX} as their field pattern (ComplaintNumberTest keeps them in step).
 */
public final class ComplaintNumber {

    public static final String PREFIX = "CP-";

    /** The whole number, anchored: the pattern of the forms' complaint number fields. */
    public static final String REGEX = "^CP-[0-9]{8}-[0-9]{6}$";

    public static final Pattern PATTERN = Pattern.compile(REGEX);

    /** The longest running number the six digits hold. */
    public static final long MAX_RUNNING_NUMBER = 999_999;

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private ComplaintNumber() {
    }

    /** Whether the text is a complaint number in form (it may still name no complaint). */
    public static boolean isWellFormed(String text) {
        return text != null && PATTERN.matcher(text).matches();
    }

    /** The number of the {@code running}-th complaint of {@code day}. */
    public static String of(LocalDate day, long running) {
        if (running < 0 || running > MAX_RUNNING_NUMBER) {
            throw new IllegalArgumentException("running number " + running + " is outside 0.." + MAX_RUNNING_NUMBER);
        }
        return PREFIX + DAY.format(day) + "-" + String.format("%06d", running);
    }
}
