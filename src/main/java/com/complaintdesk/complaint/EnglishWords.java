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
 * The English words of a key of the message bundles (messages_en.properties), where no Spring context is at hand: the
 * message of an exception, which staff, integrators and logs read, is the English of the key a merchant's page
 * resolves in its own language. Formatted as Spring's message source formats it (MessageFormat when there are
 * arguments, the text as written when there are none).
 */
public final class EnglishWords {

    private static final Properties ENGLISH = load();

    private EnglishWords() {
    }

    public static String of(String key, Object... args) {
        String text = ENGLISH.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("No English words for " + key + " in messages_en.properties");
        }
        return args.length == 0 ? text : new MessageFormat(text, Locale.ENGLISH).format(args);
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = EnglishWords.class.getClassLoader().getResourceAsStream("messages_en.properties")) {
            if (in == null) {
                throw new IllegalStateException("messages_en.properties is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
