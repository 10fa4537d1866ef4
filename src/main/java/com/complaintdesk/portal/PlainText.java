package com.complaintdesk.portal;

import com.complaintdesk.complaint.InvalidInputException;
import java.util.List;

/**
 * Text from the public: no control characters (single-line fields) or none but tab and line breaks (multi-line
 * fields), and no Unicode format characters that reorder or hide text. HTML is allowed as text: it is stored as
 * written and every page shows it escaped.
 */
final class PlainText {

    private PlainText() {
    }

    static void check(List<InvalidInputException.FieldError> errors, String field, String value, boolean multiline) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            boolean joiner = c == '\u200C' || c == '\u200D'; // used inside emoji and some scripts
            if ((Character.isISOControl(c) && !(multiline && lineBreak)) || (Character.getType(c) == Character.FORMAT && !joiner)
                    || c == '\u2028' || c == '\u2029') {
                errors.add(InvalidInputException.FieldError.keyed(field, "refusal.controlCharacters"));
                return;
            }
        }
    }
}
