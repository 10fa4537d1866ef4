package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese translations of Camunda's web apps (src/main/resources/META-INF/resources/webjars/camunda/app/{app}/
 * locales/zh.json) against the English ones the camunda-webapp-webjar of this Camunda version ships: every key of
 * theirs is in ours and none more, no value left empty or in English, every {{placeholder}} and HTML tag kept, and
 * the date locale complete. A Camunda upgrade that adds a key fails here until the key is translated.
 */
class CamundaTranslationsTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|<(/?(?:a|br|strong|em|i|b|span|code|p))\\b[^>]*>");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyShippedKeyIsTranslatedAndNoneInvented(String app) throws IOException {
        Map<String, String> english = labels(read(app, "en"));
        Map<String, String> chinese = labels(read(app, "zh"));

        assertThat(english).as("%s en.json from the webjar", app).hasSizeGreaterThan(100);
        assertThat(new TreeSet<>(chinese.keySet())).as("%s: zh.json has exactly the keys of en.json", app)
                .isEqualTo(new TreeSet<>(english.keySet()));

        List<String> problems = new ArrayList<>();
        english.forEach((key, en) -> {
            String zh = chinese.get(key);
            if (en.isBlank()) {
                return;
            }
            if (zh == null || zh.isBlank()) {
                problems.add(key + ": empty");
            } else if (HAN.matcher(en).find() == HAN.matcher(zh).find() && zh.equals(en) && en.matches("(?i).*\\b[a-z]{3,}\\s+[a-z]{3,}\\b.*")) {
                problems.add(key + ": left in English: " + en);
            } else if (!placeholders(en).equals(placeholders(zh))) {
                problems.add(key + ": placeholders " + placeholders(en) + " became " + placeholders(zh));
            }
        });
        assertThat(problems).as("%s: translation problems", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void theDateLocaleIsCompleteAndShowsIsoDates(String app) throws IOException {
        JsonNode english = read(app, "en").get("dateLocales");
        JsonNode chinese = read(app, "zh").get("dateLocales");
        english.fieldNames().forEachRemaining(field -> {
            assertThat(chinese.has(field)).as("%s dateLocales.%s", app, field).isTrue();
            assertThat(chinese.get(field).size()).as("%s dateLocales.%s entries", app, field).isEqualTo(english.get(field).size());
        });
        assertThat(chinese.at("/longDateFormat/L").asText()).isEqualTo("YYYY-MM-DD");
        assertThat(chinese.at("/months/0").asText()).isEqualTo("一月");
    }

    private JsonNode read(String app, String language) throws IOException {
        String path = String.format(LOCALES, app, language);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    private static Map<String, String> labels(JsonNode root) {
        Map<String, String> labels = new TreeMap<>();
        root.get("labels").fields().forEachRemaining(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
        return labels;
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        found.sort(null);
        return found;
    }
}
