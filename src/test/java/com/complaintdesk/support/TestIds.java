package com.complaintdesk.support;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique digits for test data (merchant ids, e-mail addresses, serials, references) that can never be taken for a card
 * number: the last digit is chosen so that the digits fail the Luhn check. Plain System.nanoTime() digits passed it
 * one time in ten and were then stored masked ("M-684074******7094"), so a test comparing them failed now and then.
 */
public final class TestIds {

    private static final AtomicLong LAST = new AtomicLong();

    private TestIds() {
    }

    /** Unique within the JVM run (and across runs, being taken from the clock), 14 to 20 digits, never Luhn-valid. */
    public static String digits() {
        long now = System.nanoTime();
        String base = String.valueOf(LAST.updateAndGet(last -> Math.max(last + 1, now)));
        return base + (char) ('0' + (luhnCheckDigit(base) + 1) % 10);
    }

    /** The prefix followed by {@link #digits()}, e.g. {@code unique("M-")} = "M-68407416670941". */
    public static String unique(String prefix) {
        return prefix + digits();
    }

    /** The digit that would make the given digits followed by it pass the Luhn check. */
    static int luhnCheckDigit(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
