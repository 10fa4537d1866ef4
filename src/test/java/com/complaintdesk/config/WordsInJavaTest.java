package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Words people read live in the message bundles (messages_zh/_en.properties) and in the labelled enums
 * (complaint/Labelled), not in Java strings. Chinese in main Java code (comments aside) is allowed only in a
 * {@code Labelled} enum (its labels are the one definition) and in the named {@link #EXCEPTIONS}, which are data, not
 * words of the application. A new Chinese literal anywhere else fails here; move it to the bundles (Words for a bean,
 * BundleWords for static code).
 */
class WordsInJavaTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern LABELLED_ENUM = Pattern.compile("\\benum\\s+\\w+\\s+implements\\s+[\\w, ]*\\bLabelled\\b");

    /** Named exceptions: Chinese that is data, not words of the application, each with its reason. */
    private static final Map<String, String> EXCEPTIONS = Map.of(
            "com/complaintdesk/identity/DemoDataSeeder.java", "demo names",
            "com/complaintdesk/identity/Departments.java", "the departments' names, the groups' one definition (as the enums' labels)",
            "com/complaintdesk/portal/ApiTypes.java", "OpenAPI example values: a sample complaint as a merchant writes it (annotations take constants)");

    @Test
    void chineseInJavaCodeOnlyInLabelledEnumsAndNamedExceptions() throws IOException {
        Map<String, Long> found = new TreeMap<>();
        Map<String, Long> excepted = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                String name = MAIN.relativize(file).toString().replace('\\', '/');
                if (LABELLED_ENUM.matcher(text).find()) {
                    continue;
                }
                long lines = withoutComments(text).lines().filter(line -> CJK.matcher(line).find()).count();
                if (lines > 0) {
                    (EXCEPTIONS.containsKey(name) ? excepted : found).put(name, lines);
                }
            }
        }
        assertThat(found).as("lines of Chinese in Java code: move the words to messages_zh/_en.properties (Words, BundleWords)").isEmpty();
        assertThat(excepted.keySet()).as("named exceptions that hold no Chinese any more: take them off EXCEPTIONS").isEqualTo(EXCEPTIONS.keySet());
    }

    /** The code without its comments (line, block and Javadoc), string literals kept as written. */
    static String withoutComments(String java) {
        StringBuilder code = new StringBuilder();
        int i = 0;
        while (i < java.length()) {
            char c = java.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                if (c == '"' && java.startsWith("\"\"\"", i)) {
                    end = java.indexOf("\"\"\"", i + 3) + 3;
                } else {
                    while (end < java.length() && java.charAt(end) != c) {
                        end += java.charAt(end) == '\\' ? 2 : 1;
                    }
                    end++;
                }
                code.append(java, i, Math.min(end, java.length()));
                i = end;
            } else if (java.startsWith("//", i)) {
                int end = java.indexOf('\n', i);
                i = end < 0 ? java.length() : end;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                String comment = java.substring(i, end < 0 ? java.length() : end + 2);
                code.append("\n".repeat((int) comment.chars().filter(ch -> ch == '\n').count()));
                i = end < 0 ? java.length() : end + 2;
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }
}
