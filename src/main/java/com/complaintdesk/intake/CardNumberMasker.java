package com.complaintdesk.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks card numbers (PAN) before text is stored or logged (PCI DSS): every run of 13 to 19 digits, written
 * together or in groups separated by single spaces or hyphens, that passes the Luhn check keeps its first 6 and
 * last 4 digits; the rest become '*'. Digit runs that fail the check (phone numbers, order numbers) stay as they are.
 */
public final class CardNumberMasker {

    /** 13 to 19 digits, spaces or hyphens between them; not the digits of a complaint number (CP-20261126-000003). */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9])(?<!CP-)[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");

    private CardNumberMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher matcher = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            String replacement = luhnValid(digits)
                    ? digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4)
                    : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
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
