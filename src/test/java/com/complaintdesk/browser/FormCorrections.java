package com.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.complaintdesk.shared.BusinessTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A clerk's corrections in the desk's Camunda Forms, in the real Tasklist: Complete is refused (form-js shows an error
 * and Tasklist disables Complete), the clerk corrects the form, and Complete is free again. For every form with
 * conditional fields: where a choice (a box, a radio button) shows a required field, choosing otherwise (hiding it) is the correction; where a
 * condition shows a hint, the input that answers it hides it; and in every form, filling in the required fields
 * after a refused empty Complete. Nothing is completed: what is checked is that the form lets the clerk go on.
 */
final class FormCorrections {

    /** The forms with conditional fields (forms/*.form with a "conditional"), all on the harness; the triage is checked on a real task. */
    static final List<String> FORMS = List.of(
            "negotiate-settlement", "await-evidence", "diagnose-fault", "record-regulator-decision", "sign-agreement",
            "approve-proposal", "approve-regulator-response", "audit-fees", "record-court-mediation",
            "close-complaint", "prepare-regulator-response", "propose-resolution", "record-hearing",
            "record-regulator-compliance", "triage-complaint");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Browser browser;
    private final Tasklist tasklist;

    FormCorrections(Browser browser, Tasklist tasklist) {
        this.browser = browser;
        this.tasklist = tasklist;
    }

    /** The form of the task open in Tasklist, corrected as its conditions allow. */
    void correct(String form) {
        switch (form) {
            case "negotiate-settlement" -> {
                // a counter-offer needs its amount and reason; the answer changed to "Accept" hides them
                tasklist.choose("Complainant's answer", "Counter-offer");
                refused("Counter amount");
                tasklist.choose("Complainant's answer", "Accept");
                free();
            }
            case "await-evidence" -> {
                refused("Evidence type");
                tasklist.tick("Complainant withdrew");
                free();
            }
            case "diagnose-fault" -> {
                tasklist.type("Diagnosis", "测试 check");
                tasklist.type("Findings", "测试 check");
                // an on-site repair needs its visit date; "Remote fix" hides it
                tasklist.choose("Fix method", "On-site repair");
                refused("Visit date");
                tasklist.choose("Fix method", "Remote fix");
                free();
                // a referral ticked on a complete form: form-js refuses it at the manufacturer field (nothing is sent);
                // unticking frees Complete
                tasklist.tick("Refer defect to manufacturer");
                refused("Manufacturer or seller");
                tasklist.untick("Refer defect to manufacturer");
                free();
            }
            case "record-regulator-decision" -> {
                tasklist.date("Decided on", LocalDate.now(BusinessTime.ZONE).toString());
                tasklist.type("What the regulator decided", "测试 check");
                // a remedy ordered needs the remedy; another decision hides it
                radio("Regulator's decision", "Remedy ordered");
                refused("Remedy ordered");
                radio("Regulator's decision", "No action, closed");
                free();
                // and with the remedy chosen again: an amount-bearing remedy asks for the amount until it is entered
                radio("Regulator's decision", "Remedy ordered");
                tasklist.choose("Remedy ordered", "Refund");
                hint("责令退款、费率调整和赔偿须填写金额");
                tasklist.type("Amount ordered", "100");
                noHint("责令退款、费率调整和赔偿须填写金额");
                free();
            }
            case "sign-agreement" -> {
                tasklist.tick("Complainant signed the agreement");
                refused("Signature method");
                tasklist.untick("Complainant signed the agreement");
                free();
            }
            case "approve-proposal" -> {
                // nothing required: the hint asks for a comment until the proposal is approved or commented on
                hint("拒绝方案时请填写审批意见");
                tasklist.type("Comment", "测试 check");
                noHint("拒绝方案时请填写审批意见");
                free();
            }
            case "approve-regulator-response" -> {
                hint("退回答复时请填写审批意见");
                tasklist.type("Review note", "测试 check");
                noHint("退回答复时请填写审批意见");
                free();
            }
            case "audit-fees" -> {
                refused("Confirmed refund");
                // a refund other than the computed ¥18 asks for the reason
                tasklist.type("Confirmed refund", "20");
                tasklist.type("Findings", "测试 check");
                hint("核定退款与系统计算不同");
                tasklist.type("Adjustment reason", "测试 check");
                noHint("核定退款与系统计算不同");
                free();
            }
            case "record-court-mediation" -> {
                refused("Terms of the mediation statement");
                tasklist.type("Terms of the mediation statement", "测试 check");
                tasklist.date("Mediation statement dated", LocalDate.now(BusinessTime.ZONE).toString());
                tasklist.choose("Remedy", "Compensation");
                hint("退款、费率调整和赔偿须填写金额");
                tasklist.choose("Remedy", "Written apology"); // a second pick in the same select
                noHint("退款、费率调整和赔偿须填写金额");
                free();
            }
            case "triage-complaint" -> {
                refusedThenFilled(form);
                // a duplicate needs the original's number; unticking hides it
                tasklist.tick("Duplicate of an earlier complaint");
                refused("Original complaint number");
                tasklist.untick("Duplicate of an earlier complaint");
                free();
            }
            // the others' conditions show texts from the complaint's variables: a refused empty Complete, then the
            // required fields filled in (close-complaint, prepare-regulator-response, propose-resolution, record-hearing,
            // record-regulator-compliance)
            default -> refusedThenFilled(form);
        }
    }

    /** A hint of the form (a conditional text) is shown. */
    private void hint(String text) {
        browser.visible(hintLocator(text));
    }

    private void noHint(String text) {
        browser.until("hint gone: " + text, d -> d.findElements(hintLocator(text)).stream().noneMatch(WebElement::isDisplayed));
    }

    private static By hintLocator(String text) {
        return By.xpath("//*[@cam-tasklist-task]//*[contains(@class,'fjs-form-field-text')][contains(normalize-space(.), "
                + Tasklist.literal(text) + ")]");
    }

    /** Complete pressed: refused, with the error shown at this field. */
    private void refused(String fieldLabel) {
        browser.click(completeButton());
        browser.visible(By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][.//label[contains(normalize-space(.), "
                + Tasklist.literal(fieldLabel) + ")]]//*[contains(@class,'fjs-form-field-error')][normalize-space(.) != '']"));
        browser.until("Complete disabled after the refusal", d -> !complete(d).isEnabled());
        refusalNoticed();
    }

    /** Tasklist's notice of the refused Complete says what to do (scripts/complaint-desk.js), not "error submitting". */
    private void refusalNoticed() {
        browser.visible(By.xpath("//*[contains(@class,'notifications')]//*[contains(@class,'alert')][contains(., '请更正表单中标红的字段')]"
                + "[contains(., 'Please correct the fields marked in red')]"));
    }

    private void free() {
        browser.until("Complete free again", d -> complete(d).isEnabled());
        browser.until("the refusal's notice closed", d -> d.findElements(By.cssSelector(".notifications .alert.complaint-desk-form-refused"))
                .stream().noneMatch(WebElement::isDisplayed));
        assertThat(browser.driver().findElements(By.cssSelector("[cam-tasklist-task] .fjs-form-field-error")))
                .as("no error left").noneMatch(e -> e.isDisplayed() && !e.getText().isBlank());
    }

    /** A refused empty Complete, then every required field shown filled in: Complete is free. */
    private void refusedThenFilled(String form) {
        List<JsonNode> required = requiredFields(form);
        browser.click(completeButton());
        browser.visible(By.cssSelector("[cam-tasklist-task] .fjs-form-field-error"));
        browser.until("Complete disabled after the refusal", d -> !complete(d).isEnabled());
        refusalNoticed();
        for (JsonNode field : required) {
            String label = label(field);
            By locator = By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][.//label[contains(normalize-space(.), "
                    + Tasklist.literal(label) + ")]]");
            if (browser.driver().findElements(locator).stream().noneMatch(WebElement::isDisplayed)) {
                continue; // hidden by a condition
            }
            String firstOption = field.path("values").path(0).path("label").asText();
            switch (field.path("type").asText()) {
                case "textfield", "textarea" -> tasklist.type(label, "测试 check");
                case "number" -> tasklist.type(label, "1");
                case "select" -> tasklist.choose(label, firstOption);
                case "radio" -> radio(label, firstOption);
                case "datetime" -> tasklist.date(label, LocalDate.now(BusinessTime.ZONE).toString());
                default -> throw new IllegalStateException(form + ": no way to fill " + field.path("type").asText());
            }
        }
        free();
    }

    private void radio(String label, String option) {
        By input = By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field-radio ')][.//label[contains(normalize-space(.), "
                + Tasklist.literal(label) + ")]]//label[contains(normalize-space(.), " + Tasklist.literal(option) + ")]//input[@type='radio']"
                + " | //div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field-radio ')][.//label[contains(normalize-space(.), "
                + Tasklist.literal(label) + ")]]//input[@type='radio'][following-sibling::*[1][contains(normalize-space(.), "
                + Tasklist.literal(option) + ")] or @id=//label[contains(normalize-space(.), " + Tasklist.literal(option) + ")]/@for]");
        browser.click(input);
        browser.until(label + ": " + option, d -> d.findElements(input).stream().anyMatch(WebElement::isSelected));
    }

    private static List<JsonNode> requiredFields(String form) {
        try {
            JsonNode schema = JSON.readTree(Path.of("forms", form + ".form").toFile());
            List<JsonNode> fields = new ArrayList<>();
            collect(schema.path("components"), fields);
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode component : components) {
            if (component.path("validate").path("required").asBoolean(false)) {
                into.add(component);
            }
            collect(component.path("components"), into);
        }
    }

    private static String label(JsonNode field) {
        String label = field.hasNonNull("label") && !field.path("label").asText().isBlank() ? field.path("label").asText()
                : field.path("dateLabel").asText();
        // the English part is enough to find the field, and free of the quotes and brackets of some Chinese labels
        int space = label.indexOf(' ');
        return space > 0 ? label.substring(space + 1) : label;
    }

    private static By completeButton() {
        return By.cssSelector("[cam-tasklist-task] button[ng-click='complete()']");
    }

    private static WebElement complete(WebDriver driver) {
        return driver.findElement(completeButton());
    }
}
