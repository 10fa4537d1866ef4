package com.complaintdesk.complaint;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The words of a key of the message bundles (messages_zh.properties, messages_en.properties) where no Spring bean is
 * at hand: texts built in static code (summaries, findings, dossiers) and the English message of an exception, which
 * staff, integrators and logs read while a merchant's page resolves the same key in its own language (through
 * {@link Words}). Formatted as Spring's message source formats them: MessageFormat when there are arguments, the text
 * as written when there are none.
 */
public final class BundleWords {

    private static final Properties CHINESE = load("messages_zh.properties");
    private static final Properties ENGLISH = load("messages_en.properties");

    private BundleWords() {
    }

    /** The English words: "Complainant". */
    public static String en(String key, Object... args) {
        return format(ENGLISH, Locale.ENGLISH, key, args);
    }

    /** The Chinese words: "投诉人". */
    public static String zh(String key, Object... args) {
        return format(CHINESE, Locale.SIMPLIFIED_CHINESE, key, args);
    }

    /** Chinese first with English beside, as staff read them: "投诉人 Complainant". */
    public static String both(String key, Object... args) {
        return zh(key, args) + " " + en(key, args);
    }

    private static String format(Properties bundle, Locale locale, String key, Object... args) {
        String text = bundle.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("No words for " + key + " in the message bundles");
        }
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = BundleWords.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
