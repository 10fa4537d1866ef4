package com.complaintdesk.notification;

import java.util.regex.Pattern;

/** Phone numbers as the log may show them: 13800138000 becomes 138****8000. */
final class PhoneNumbers {

    private static final Pattern LONG_DIGITS = Pattern.compile("(\\d{3})\\d{4,}(\\d{4})");

    private PhoneNumbers() {
    }

    /** The number's first three and last four digits; fewer than eleven digits keep only the last two. */
    static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() >= 11) {
            return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
        }
        return "*".repeat(Math.max(0, digits.length() - 2)) + digits.substring(Math.max(0, digits.length() - 2));
    }

    /** A text (an error message) with every run of 11 or more digits masked as a phone number. */
    static String maskWithin(String text) {
        return text == null ? null : LONG_DIGITS.matcher(text).replaceAll("$1****$2");
    }
}
