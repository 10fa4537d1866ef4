package com.complaintdesk.portal;

import com.complaintdesk.complaint.Complaint;
import com.complaintdesk.complaint.Labelled;
import com.complaintdesk.complaint.Milestone;
import com.complaintdesk.complaint.Words;
import com.complaintdesk.settlement.AgreementRepository;
import com.complaintdesk.settlement.SettlementProposal;
import com.complaintdesk.shared.BusinessTime;
import com.complaintdesk.complaint.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the portal says to the merchant, in the language of the page (the request's Accept-Language: Chinese unless
 * English): the labels of our codes (from the enums and the message bundles), the offer's reason and the date to
 * answer by, the agreements' text, the contact line and the personal-information notice.
 */
@Component
class PortalWording {

    /** The negotiation task whose due date is the day by which the merchant's answer is expected. */
    static final String NEGOTIATION_TASK = "Task_NegotiateSettlement";
    private static final ZoneId ZONE = BusinessTime.ZONE;
    private static final String PORTAL = "portal.";
    private static final List<String> PAGE_KEYS = pageKeys();

    private final Words words;
    private final AgreementRepository agreements;
    private final TaskService taskService;
    private final PortalProperties properties;
    private final int keptForYears;

    PortalWording(Words words, AgreementRepository agreements, TaskService taskService, PortalProperties properties,
                  com.complaintdesk.retention.RetentionProperties retention) {
        this.words = words;
        this.agreements = agreements;
        this.taskService = taskService;
        this.properties = properties;
        this.keptForYears = (int) Math.max(1, retention.getPeriod().toTotalMonths() / 12);
    }

    static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    String label(Labelled value) {
        return value == null ? null : value.label(locale());
    }

    String milestone(Milestone milestone) {
        return words.in(locale(), "milestone." + milestone.name());
    }

    ApiTypes.Offer offer(SettlementProposal proposal, Complaint complaint) {
        return new ApiTypes.Offer(proposal.getRound(), proposal.getRemedy(), label(proposal.getRemedy()), proposal.getAmount(),
                proposal.getRationale(), answerBy(complaint));
    }

    /** The due date of the negotiation task that waits for the merchant's answer, as a day in China; null if it has none. */
    private LocalDate answerBy(Complaint complaint) {
        if (complaint.getProcessInstanceId() == null) {
            return null;
        }
        Task negotiation = taskService.createTaskQuery().processInstanceId(complaint.getProcessInstanceId())
                .taskDefinitionKey(NEGOTIATION_TASK).active().list().stream().findFirst().orElse(null);
        return negotiation == null || negotiation.getDueDate() == null ? null
                : negotiation.getDueDate().toInstant().atZone(ZONE).toLocalDate();
    }

    List<ApiTypes.AgreementText> agreements(Complaint complaint) {
        return agreements.findByComplaintIdOrderByIdAsc(complaint.getId()).stream()
                .map(a -> new ApiTypes.AgreementText(a.getAgreementNumber(), a.getBody(), a.getSha256(), a.isSigned(), a.getSignedOn()))
                .toList();
    }

    /**
     * The portal page's words in the request's language: every key of the bundles under portal.page. and portal.field.
     * (named without "portal."), the categories with the enum's labels, and the other language's name for the switch.
     */
    ApiTypes.PageWords page() {
        Locale locale = locale();
        boolean english = "en".equals(locale.getLanguage());
        Map<String, String> page = new TreeMap<>();
        PAGE_KEYS.forEach(key -> page.put(key.substring(PORTAL.length()), words.in(locale, key)));
        List<ApiTypes.Option> categories = Arrays.stream(Category.values()).map(c -> new ApiTypes.Option(c.name(), c.label(locale))).toList();
        Locale other = english ? Words.ZH : Words.EN;
        return new ApiTypes.PageWords(english ? "en" : "zh-CN", page, categories, words.in(other, "portal.page.languageName"),
                words.in(other, "portal.page.switchTo"));
    }

    /** The keys of the page's words: those of the English bundle under portal.page. and portal.field. (the Chinese has the same). */
    private static List<String> pageKeys() {
        Properties english = new Properties();
        try (InputStream in = PortalWording.class.getClassLoader().getResourceAsStream("messages_en.properties")) {
            english.load(new InputStreamReader(Objects.requireNonNull(in, "messages_en.properties"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return english.stringPropertyNames().stream().filter(k -> k.startsWith(PORTAL + "page.") || k.startsWith(PORTAL + "field."))
                .sorted().toList();
    }

    ApiTypes.Notice notice() {
        String hotline = properties.getHotline();
        Locale locale = locale();
        return new ApiTypes.Notice(hotline == null || hotline.isBlank() ? words.in(locale, "portal.contact.none")
                : words.in(locale, "portal.contact.hotline", hotline.strip()), words.in(locale, "portal.privacy", keptForYears));
    }
}
