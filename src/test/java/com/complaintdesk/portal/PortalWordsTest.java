package com.complaintdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.support.ComplaintDeskSpringTest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The portal page's words have one home: the message bundles (portal.page.*, portal.field.*) and the enums' labels,
 * served by GET /api/portal/words in the page's language. The page's files (portal.js, index.html) hold no words of
 * their own, and every key they ask for is in both bundles.
 */
@ComplaintDeskSpringTest
@SuppressWarnings("unchecked")
class PortalWordsTest {

    private static final Path PORTAL = Path.of("src/main/resources/static/portal");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n=\"([\\w.-]+)\"");
    private static final Pattern JS_KEY = Pattern.compile("[^\\w.]t\\('([\\w.-]+)'");

    @Autowired TestRestTemplate http;

    private Map<String, Object> words(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        ResponseEntity<Map<String, Object>> answer = http.exchange("/api/portal/words", HttpMethod.GET, new HttpEntity<>(headers),
                PortalApi.JSON);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    @Test
    void thePagesFilesHoldNoWordsOfTheirOwn() throws IOException {
        for (String file : List.of("portal.js", "index.html")) {
            assertThat(Files.readString(PORTAL.resolve(file))).as("%s: words come from the bundles, not the page", file)
                    .doesNotContainPattern(CJK);
        }
        assertThat(Files.readString(PORTAL.resolve("portal.js"))).as("no dictionary of its own").doesNotContain("zh: {", "en: {");
        assertThat(Files.readString(PORTAL.resolve("index.html"))).as("the categories come from the enum")
                .doesNotContain("value=\"TECHNICAL_FAULT\"");
    }

    @Test
    void everyKeyThePageAsksForIsInBothLanguages() throws IOException {
        Set<String> asked = new TreeSet<>(keys(HTML_KEY, Files.readString(PORTAL.resolve("index.html"))));
        asked.addAll(keys(JS_KEY, Files.readString(PORTAL.resolve("portal.js"))).stream().filter(k -> !k.endsWith(".")).toList());
        Arrays.stream(ApiTypes.WaitingFor.values()).forEach(w -> asked.add("page.wait." + w.name()));
        assertThat(asked).as("keys the page asks for").hasSizeGreaterThan(60);

        Map<String, String> zh = (Map<String, String>) words("zh-CN").get("words");
        Map<String, String> en = (Map<String, String>) words("en").get("words");
        assertThat(zh).as("Chinese").containsKeys(asked.toArray(String[]::new));
        assertThat(en).as("English").containsKeys(asked.toArray(String[]::new));
        assertThat(zh.keySet()).isEqualTo(en.keySet());
        asked.forEach(key -> {
            assertThat(zh.get(key)).as("%s in Chinese", key).containsPattern(CJK);
            assertThat(en.get(key)).as("%s in English", key).doesNotContainPattern(CJK).isNotBlank();
        });
        Properties bundle = bundle("messages_zh.properties");
        Set<String> portalKeys = bundle.stringPropertyNames().stream()
                .filter(k -> k.startsWith("portal.page.") || k.startsWith("portal.field.")).map(k -> k.substring("portal.".length()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(zh.keySet()).as("the endpoint gives the bundle's portal.page.* and portal.field.*").isEqualTo(portalKeys);
        assertThat(zh).containsEntry("page.title", bundle.getProperty("portal.page.title"));
    }

    @Test
    void theCategoriesAreTheEnumsWithItsLabels() {
        for (String language : List.of("zh-CN", "en")) {
            Map<String, Object> page = words(language);
            List<Map<String, String>> categories = (List<Map<String, String>>) page.get("categories");
            assertThat(categories).extracting(c -> c.get("value"))
                    .containsExactly(Arrays.stream(Category.values()).map(Enum::name).toArray(String[]::new));
            assertThat(categories).extracting(c -> c.get("label")).containsExactly(Arrays.stream(Category.values())
                    .map(c -> language.equals("en") ? c.en() : c.zh()).toArray(String[]::new));
        }
        Map<String, Object> zh = words("zh-CN");
        assertThat((List<Map<String, String>>) zh.get("categories")).contains(Map.of("value", "TECHNICAL_FAULT", "label", "技术故障"));
        assertThat(zh).containsEntry("language", "zh-CN").containsEntry("otherLanguage", "English").containsEntry("switchLabel", "Switch to English");
        assertThat(words("en")).containsEntry("language", "en").containsEntry("otherLanguage", "中文").containsEntry("switchLabel", "切换到中文");
    }

    private static Set<String> keys(Pattern pattern, String text) {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    static Properties bundle(String name) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(PortalWordsTest.class.getClassLoader().getResourceAsStream(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
