package com.complaintdesk.completion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Camunda Form (forms/*.form, form-js schema) as the completion guard reads it: the input fields with their keys,
 * and what the form checks in the browser (required, pattern, length, min/max, the values a select or radio offers,
 * the FEEL condition that hides a field).
 */
record TaskForm(String id, Map<String, Field> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Components that show text or structure and hold no value. */
    private static final Set<String> NO_VALUE = Set.of("text", "html", "image", "spacer", "separator", "button", "group",
            "dynamiclist", "iframe", "table", "documentPreview", "expression");

    record Field(String key, String type, String subtype, String label, boolean required, Pattern pattern, Integer minLength,
                 Integer maxLength, BigDecimal min, BigDecimal max, Set<String> values, String hide) {

        boolean offersValues() {
            return values != null;
        }
    }

    static TaskForm parse(InputStream json) throws IOException {
        JsonNode root = JSON.readTree(json);
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(root.path("components"), fields);
        return new TaskForm(root.path("id").asText(null), fields);
    }

    Set<String> keys() {
        return fields.keySet();
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            if (NO_VALUE.contains(type) || !component.hasNonNull("key")) {
                continue;
            }
            JsonNode validate = component.path("validate");
            Set<String> values = null;
            if (component.has("values")) {
                values = new LinkedHashSet<>();
                for (JsonNode value : component.path("values")) {
                    values.add(value.path("value").asText());
                }
            }
            String hide = component.path("conditional").path("hide").asText(null);
            String key = component.path("key").asText();
            fields.put(key, new Field(key, type, component.path("subtype").asText(null),
                    component.path("label").asText(component.path("dateLabel").asText(key)),
                    validate.path("required").asBoolean(false),
                    validate.hasNonNull("pattern") ? Pattern.compile(validate.path("pattern").asText()) : null,
                    validate.hasNonNull("minLength") ? validate.path("minLength").asInt() : null,
                    validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
                    validate.hasNonNull("min") ? validate.path("min").decimalValue() : null,
                    validate.hasNonNull("max") ? validate.path("max").decimalValue() : null,
                    values, hide == null || hide.isBlank() ? null : hide));
        }
    }
}
