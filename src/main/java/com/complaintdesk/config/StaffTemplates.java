package com.complaintdesk.config;

import com.complaintdesk.complaint.Words;
import com.complaintdesk.identity.Departments;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The server-rendered staff pages under /staff, from Thymeleaf templates in templates/staff/ (Thymeleaf escapes every
 * value), their words from the message bundles, Chinese first with English beside ({@code w.t('key')} in a template),
 * sent with the headers every staff page has ({@link StaffPages#html}).
 */
@Component
public class StaffTemplates {

    private final ITemplateEngine engine;
    private final Words words;

    public StaffTemplates(ITemplateEngine engine, Words words) {
        this.engine = engine;
        this.words = words;
    }

    /** The words of the templates: {@code w.t('key', args...)} is "中文 English". */
    public record TemplateWords(Words words) {
        public String t(String key, Object... args) {
            return words.both(key, args);
        }
    }

    /** Template {@code staff/<name>.html} with {@code model}, as a staff page answering {@code status}. */
    public ResponseEntity<String> page(HttpStatus status, String name, Map<String, ?> model) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("w", new TemplateWords(words));
        return StaffPages.html(status, engine.process("staff/" + name, new Context(Words.ZH, variables)));
    }

    /** A page that only says why the request was refused or failed: {@code title} and {@code message} are message keys. */
    public ResponseEntity<String> refused(HttpStatus status, String titleKey, String messageKey, Object... args) {
        return page(status, "message", Map.of("title", words.both(titleKey), "error", words.both(messageKey, args)));
    }

    /** 403: only members of {@code groups}, with forms from this site, may use the page. */
    public ResponseEntity<String> forbidden(String titleKey, List<String> groups) {
        return refused(HttpStatus.FORBIDDEN, titleKey, "staff.onlyDepartments",
                groups.stream().map(Departments::name).collect(Collectors.joining("、")));
    }

    public String words(String key, Object... args) {
        return words.both(key, args);
    }
}
