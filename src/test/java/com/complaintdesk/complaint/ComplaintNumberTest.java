package com.complaintdesk.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ComplaintNumberTest {

    @Test
    void aNumberIsTheDayAndSixDigits() {
        assertThat(ComplaintNumber.of(LocalDate.of(2026, 11, 26), 42)).isEqualTo("CP-20261126-000042");
        assertThat(ComplaintNumber.of(LocalDate.of(2026, 2, 14), 999_999)).isEqualTo("CP-20260214-999999");
        assertThatThrownBy(() -> ComplaintNumber.of(LocalDate.of(2026, 2, 14), 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyWholeNumbersAreWellFormed() {
        assertThat(ComplaintNumber.isWellFormed("CP-20261126-000042")).isTrue();
        assertThat(ComplaintNumber.isWellFormed("CP-20261126-42")).isFalse();
        assertThat(ComplaintNumber.isWellFormed("cp-20261126-000042")).isFalse();
        assertThat(ComplaintNumber.isWellFormed("CP-20261126-000042\n")).isFalse();
        assertThat(ComplaintNumber.isWellFormed("")).isFalse();
        assertThat(ComplaintNumber.isWellFormed(null)).isFalse();
    }

    /** A form field that takes a complaint number checks it with the same pattern as the code. */
    @Test
    void theFormsUseTheSamePattern() throws IOException {
        Pattern fieldPattern = Pattern.compile("\"pattern\"\\s*:\\s*\"(\\^CP-[^\"]*)\"");
        List<String> found = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(path -> path.toString().endsWith(".form")).sorted().toList()) {
                Matcher matcher = fieldPattern.matcher(Files.readString(form, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    found.add(form.getFileName() + ": " + matcher.group(1).replace("\\\\", "\\"));
                }
            }
        }
        assertThat(found).isNotEmpty().allSatisfy(field -> assertThat(field).endsWith(": " + ComplaintNumber.REGEX));
    }
}
