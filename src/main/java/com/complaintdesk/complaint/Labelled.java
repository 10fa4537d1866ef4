package com.complaintdesk.complaint;

import java.util.Locale;

/**
 * A value people read: its Chinese and English words, defined once on the enum constant itself. Staff pages, letters,
 * reports, forms (checked by EnumLabelsInFormsTest) and the portal take them from here.
 */
public interface Labelled {

    /** The Chinese words: "退款". */
    String zh();

    /** The English words: "Refund". */
    String en();

    /** What staff read, Chinese first with English beside: "退款 Refund". */
    default String label() {
        return zh() + " " + en();
    }

    /** The words in one language, for a page in that language (Chinese unless the locale is English). */
    default String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en() : zh();
    }
}
