package com.complaintdesk.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Category;
import com.complaintdesk.complaint.Channel;
import com.complaintdesk.complaint.ComplaintStatus;
import com.complaintdesk.complaint.Labelled;
import com.complaintdesk.complaint.Outcome;
import com.complaintdesk.complaint.Priority;
import com.complaintdesk.complaint.RootCause;
import com.complaintdesk.complaint.SubCategory;
import com.complaintdesk.referral.Regulator;
import com.complaintdesk.settlement.Remedy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The forms take every enum's values and words from the enum: a field whose key is an enum's variable (remedy,
 * outcome, category, channel, priority, regulator, rootCause, status, subCategory) offers only the enum's names, each with the
 * enum's label, and every FEEL label map ({@code get value({"REFUND": "退款 Refund", ...}, remedy)}) names every value
 * of the enum with its label. A new value, or a changed word, fails here with the form and the field named.
 */
class EnumLabelsInFormsTest {

    /** Variable (form field key) to the enum its values come from. */
    static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.of(
            "remedy", Remedy.class, "outcome", Outcome.class, "category", Category.class, "channel", Channel.class,
            "priority", Priority.class, "regulator", Regulator.class, "rootCause", RootCause.class, "status", ComplaintStatus.class,
            "subCategory", SubCategory.class);

    private static final Pattern LABEL_MAP = Pattern.compile("get value\\(\\{(.*?)\\},\\s*([\\w.]+)\\)");
    private static final Pattern ENTRY = Pattern.compile("\"(\\w+)\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final ObjectMapper json = new ObjectMapper();

    static Map<String, String> labels(Class<? extends Enum<?>> type) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(v -> labels.put(v.name(), ((Labelled) v).label()));
        return labels;
    }

    @Test
    void everyFormsOptionsAndLabelMapsAreTheEnumsValuesAndLabels() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (Path form : ModelConventions.files(Path.of("forms"), ".form")) {
            List<JsonNode> components = new ArrayList<>();
            collect(json.readTree(form.toFile()).path("components"), components);
            for (JsonNode c : components) {
                String key = c.path("key").asText();
                if (c.path("values").isArray() && ENUMS.containsKey(key)) {
                    Map<String, String> labels = labels(ENUMS.get(key));
                    for (JsonNode option : c.path("values")) {
                        String value = option.path("value").asText();
                        softly.assertThat(labels).as(form.getFileName() + " " + key + ": option " + value + " is a value of "
                                + ENUMS.get(key).getSimpleName()).containsKey(value);
                        softly.assertThat(option.path("label").asText()).as(form.getFileName() + " " + key + ": label of " + value)
                                .isEqualTo(labels.get(value));
                        checked++;
                    }
                }
                if ("text".equals(c.path("type").asText())) {
                    Matcher map = LABEL_MAP.matcher(c.path("text").asText());
                    while (map.find()) {
                        String variable = map.group(2);
                        if (!ENUMS.containsKey(variable)) {
                            continue;
                        }
                        Map<String, String> inForm = new LinkedHashMap<>();
                        Matcher entry = ENTRY.matcher(map.group(1));
                        while (entry.find()) {
                            inForm.put(entry.group(1), entry.group(2));
                        }
                        softly.assertThat(inForm).as(form.getFileName() + ": the label map of " + variable + " (every "
                                + ENUMS.get(variable).getSimpleName() + " with its label)").isEqualTo(labels(ENUMS.get(variable)));
                        checked++;
                    }
                }
            }
        }
        softly.assertAll();
        assertThat(checked).as("options and label maps checked").isGreaterThan(20);
    }

    /** Triage offers every sub-category, in the enum's order, each with its words ("技术故障 · 无法开机 Technical fault · won't power on"). */
    @Test
    void triageOffersEverySubCategory() throws IOException {
        List<JsonNode> components = new ArrayList<>();
        collect(json.readTree(Path.of("forms", "triage-complaint.form").toFile()).path("components"), components);
        Map<String, String> offered = new LinkedHashMap<>();
        components.stream().filter(c -> "subCategory".equals(c.path("key").asText()))
                .forEach(c -> c.path("values").forEach(o -> offered.put(o.path("value").asText(), o.path("label").asText())));

        assertThat(offered).containsExactlyEntriesOf(labels(SubCategory.class));
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            collect(c.path("components"), into);
        }
    }
}
