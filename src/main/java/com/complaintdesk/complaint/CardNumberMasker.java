package com.complaintdesk.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks card numbers (PAN) before text is stored or logged (PCI DSS): a card number keeps its first 6 and last 4
 * digits; the rest become '*'.
 * <p>
 * A card number is 13 to 19 digits that pass the Luhn check, written together or in groups. Digits are any decimal
 * digits Unicode knows, so the full-width digits a Chinese input method types (６２２２…) count as digits. Groups are
 * separated by one to three of: spaces of any kind (no-break, ideographic, thin), hyphens and dashes (- ‐ ‑ ‒ – — ―
 * − －), dots (. ． 。), slashes (/ ／) and underscores. A run of such groups is searched for the longest whole groups
 * that make a Luhn-valid 13 to 19 digits, so two card numbers joined by a slash are both masked, while a longer
 * digit string (an order number) is never cut into a card number. Digit runs that fail the check (phone numbers,
 * order numbers) stay as they are, and so do complaint numbers ({@code CP-20261126-000003}).
 */
public final class CardNumberMasker {

    private static final String DIGIT = "[\\p{Nd}&&[\\x{0}-\\x{FFFF}]]";
    private static final String SEPARATOR = "[\\p{Zs}\\t\\-\\u2010-\\u2015\\u2212\\uFF0D.\\uFF0E\\u3002/\\uFF0F_]";
    /** Digit groups joined by one to three separators. */
    private static final Pattern DIGIT_RUN = Pattern.compile(DIGIT + "+(?:" + SEPARATOR + "{1,3}" + DIGIT + "+)*");
    private static final Pattern GROUP = Pattern.compile(DIGIT + "+");

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    private CardNumberMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher run = DIGIT_RUN.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        while (run.find()) {
            List<int[]> groups = groups(text, run.start(), run.end());
            int first = text.startsWith(ComplaintNumber.PREFIX, run.start() - ComplaintNumber.PREFIX.length()) ? 2 : 0;
            int i = first;
            while (i < groups.size()) {
                int last = cardEndingAt(text, groups, i);
                if (last < 0) {
                    i++;
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                String digits = digits(text, groups.get(i)[0], groups.get(last)[1]);
                out.append(text, copied, groups.get(i)[0])
                        .append(digits, 0, 6).append("*".repeat(digits.length() - 10)).append(digits, digits.length() - 4, digits.length());
                copied = groups.get(last)[1];
                i = last + 1;
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Whether the text holds a card number that {@link #mask} would mask. */
    public static boolean containsCardNumber(String text) {
        return text != null && !mask(text).equals(text);
    }

    /** The index of the last group of the longest card number starting at group {@code from}, or -1. */
    private static int cardEndingAt(String text, List<int[]> groups, int from) {
        int count = 0;
        int last = from;
        while (last < groups.size() && count + groups.get(last)[1] - groups.get(last)[0] <= MAX_DIGITS) {
            count += groups.get(last)[1] - groups.get(last)[0];
            last++;
        }
        for (int end = last - 1; end >= from; end--) {
            String digits = digits(text, groups.get(from)[0], groups.get(end)[1]);
            if (digits.length() < MIN_DIGITS) {
                return -1;
            }
            if (luhnValid(digits)) {
                return end;
            }
        }
        return -1;
    }

    private static List<int[]> groups(String text, int start, int end) {
        List<int[]> groups = new ArrayList<>();
        Matcher group = GROUP.matcher(text).region(start, end);
        while (group.find()) {
            groups.add(new int[] {group.start(), group.end()});
        }
        return groups;
    }

    /** The ASCII digits of text[start, end), separators left out (digits are single UTF-16 units in the BMP). */
    private static String digits(String text, int start, int end) {
        StringBuilder digits = new StringBuilder(MAX_DIGITS);
        for (int i = start; i < end; i++) {
            int value = Character.digit(text.charAt(i), 10);
            if (value >= 0) {
                digits.append((char) ('0' + value));
            }
        }
        return digits.toString();
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
