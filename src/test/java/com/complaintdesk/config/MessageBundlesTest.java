package com.complaintdesk.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Milestone;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The message bundles stay in step (as petclinic's I18nPropertiesSyncTest): messages_zh and messages_en have the same
 * keys, none blank, the Chinese words are Chinese; every key a template names exists; every milestone has its words.
 * Bean Validation's own keys (jakarta.validation.*) are only in Chinese: the English ones are Hibernate Validator's.
 */
class MessageBundlesTest {

    private static final String VALIDATION = "jakarta.validation.";
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("(?:#\\{|w\\.(?:t|zh|en)\\(')([\\w.-]+)");

    static Properties bundle(String name) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Set<String> keys(Properties bundle) {
        return bundle.stringPropertyNames().stream().filter(k -> !k.startsWith(VALIDATION)).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void chineseAndEnglishHaveTheSameKeysNoneBlank() {
        Properties zh = bundle("messages_zh.properties");
        Properties en = bundle("messages_en.properties");

        assertThat(keys(en)).as("keys of messages_en = keys of messages_zh").isEqualTo(keys(zh));
        assertThat(en.stringPropertyNames()).as("Bean Validation's English words are Hibernate Validator's").noneMatch(k -> k.startsWith(VALIDATION));
        assertThat(zh.stringPropertyNames()).allSatisfy(k -> assertThat(zh.getProperty(k)).as(k).isNotBlank());
        assertThat(en.stringPropertyNames()).allSatisfy(k -> assertThat(en.getProperty(k)).as(k).isNotBlank());
        assertThat(keys(zh)).as("the Chinese words are Chinese").allSatisfy(k -> assertThat(zh.getProperty(k)).as(k).containsPattern(CJK));
        assertThat(bundle("messages.properties").stringPropertyNames()).as("the base bundle holds no words of its own").isEmpty();
    }

    @Test
    void everyMilestoneHasItsWords() {
        assertThat(keys(bundle("messages_zh.properties")))
                .containsAll(Arrays.stream(Milestone.values()).map(m -> "milestone." + m.name()).toList());
    }

    @Test
    void everyKeyATemplateNamesIsInTheBundles() throws IOException {
        Set<String> known = keys(bundle("messages_zh.properties"));
        Path templates = Path.of("src/main/resources/templates");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path html : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(html));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        assertThat(known).as("keys the templates name").containsAll(named);
    }
}
