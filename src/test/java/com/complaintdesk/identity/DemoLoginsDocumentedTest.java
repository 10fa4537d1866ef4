package com.complaintdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's demo logins are the users the demo seeder creates, in the groups it puts them in, with the passwords
 * the demo profile sets: a user added to the seeder, or to the README alone, fails this test.
 */
class DemoLoginsDocumentedTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| `([^`]+)` \\| (.+?) \\|$", Pattern.MULTILINE);
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    @Test
    void theReadmeListsEverySeededUserWithItsGroupAndPassword() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Demo logins"));
        section = section.substring(0, section.indexOf("\n## ", 1));

        Map<String, String> documentedGroups = new TreeMap<>();
        Map<String, String> documentedPasswords = new TreeMap<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            Matcher user = NAME.matcher(row.group(1));
            Matcher group = NAME.matcher(row.group(3));
            String groupId = group.find() ? group.group(1) : row.group(3);
            while (user.find()) {
                documentedGroups.put(user.group(1), groupId);
                documentedPasswords.put(user.group(1), row.group(2));
            }
        }

        String admin = documentedPasswords.remove("admin");
        documentedGroups.remove("admin");
        Map<String, String> seeded = DemoDataSeeder.USERS.stream()
                .collect(Collectors.toMap(DemoDataSeeder.DemoUser::id, DemoDataSeeder.DemoUser::groupId, (a, b) -> a, TreeMap::new));
        assertThat(documentedGroups).as("README demo logins: user and group").isEqualTo(seeded);

        String demoProfile = Files.readString(PROJECT.resolve("src/main/resources/application-demo.yaml"), StandardCharsets.UTF_8);
        assertThat(demoProfile).contains("${COMPLAINT_DESK_ADMIN_PASSWORD:" + admin + "}");
        documentedPasswords.values().forEach(password ->
                assertThat(demoProfile).contains("${COMPLAINT_DESK_DEMO_PASSWORD:" + password + "}"));
    }
}
