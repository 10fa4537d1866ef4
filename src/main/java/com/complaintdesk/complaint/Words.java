package com.complaintdesk.complaint;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of the message bundles (messages_zh.properties, messages_en.properties; MessageBundlesTest keeps their
 * keys in step): in one language for a page in that language, or Chinese first with English beside where staff read
 * and where a record keeps one text for everyone (the timeline).
 */
@Component
public class Words {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private final MessageSource messages;

    public Words(MessageSource messages) {
        this.messages = messages;
    }

    /** The words of {@code key} in {@code locale}'s language (Chinese unless it is English). */
    public String in(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, locale != null && "en".equals(locale.getLanguage()) ? EN : ZH);
    }

    /** The words of {@code key} in {@code locale}'s language, or null when the bundles have no such key. */
    public String find(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, null, locale != null && "en".equals(locale.getLanguage()) ? EN : ZH);
    }

    /** Chinese first with English beside: "已分派 Assigned". */
    public String both(String key, Object... args) {
        return in(ZH, key, args) + " " + in(EN, key, args);
    }
}
