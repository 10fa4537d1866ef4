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
 * conditional fields: where a choice shows a required field, choosing otherwise (hiding it) is the correction; where a
 * condition shows a hint, the input that answers it hides it; and in every form, filling in the required fields
 * after a refused empty Complete. Nothing is completed: what is checked is that the form lets the clerk go on.
 */
final class FormCorrections {

    /** The forms with conditional fields (forms/*.form with a "conditional"); the triage is checked on a real task. */
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
                tasklist.choose("Complainant's answer", "还价 Counter-offer");
                refused("Counter amount");
                tasklist.choose("Complainant's answer", "接受 Accept");
                free();
            }
            case "await-evidence" -> {
                refused("Evidence type");
                tasklist.tick("Complainant withdrew");
                free();
            }
            case "diagnose-fault" -> {
                refusedThenFilled(form);
                tasklist.choose("Fix method", "上门维修 On-site repair");
                refused("Visit date");
                tasklist.choose("Fix method", "远程修复 Remote fix");
                free();
                tasklist.tick("Refer defect to manufacturer or seller");
                refused("Manufacturer or seller");
                tasklist.untick("Refer defect to manufacturer or seller");
                free();
            }
            case "record-regulator-decision" -> {
                refusedThenFilled(form);
                radio("Regulator's decision", "责令补救 Remedy ordered");
                refused("Remedy ordered");
                radio("Regulator's decision", "不予处理/办结 No action, closed");
                free();
            }
            case "sign-agreement" -> {
                tasklist.tick("Complainant signed the agreement");
                refused("Signature method");
                tasklist.untick("Complainant signed the agreement");
                free();
            }
            case "approve-proposal" -> hintAnswered("Please give a comment when refusing", () -> tasklist.tick("批准 Approve"));
            case "approve-regulator-response" -> hintAnswered("Please give a review note",
                    () -> tasklist.tick("Approve for submission"));
            case "audit-fees" -> {
                refused("Confirmed refund");
                tasklist.type("Confirmed refund", "20");
                tasklist.type("Findings", "多收 overcharged");
                hintAnswered("please give the reason", () -> tasklist.type("Adjustment reason", "含退还押金 deposit included"));
            }
            case "record-court-mediation" -> {
                refusedThenFilled(form); // the first remedy, a refund, without an amount: the hint asks for one
                hintAnswered("Please enter the amount agreed", () -> tasklist.type("Amount agreed", "18"));
            }
            case "triage-complaint" -> {
                tasklist.tick("Duplicate of an earlier complaint");
                tasklist.type("Original complaint number", "CP-1");
                browser.until("Complete disabled while the number is wrong", d -> !complete(d).isEnabled());
                tasklist.untick("Duplicate of an earlier complaint");
                refusedThenFilled(form);
            }
            default -> refusedThenFilled(form);
        }
    }

    /** Complete pressed: refused, with the error shown at this field. */
    private void refused(String fieldLabel) {
        browser.click(completeButton());
        browser.visible(By.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][.//label[contains(normalize-space(.), "
                + Tasklist.literal(fieldLabel) + ")]]//*[contains(@class,'fjs-form-field-error')][normalize-space(.) != '']"));
        browser.until("Complete disabled after the refusal", d -> !complete(d).isEnabled());
    }

    private void free() {
        browser.until("Complete free again", d -> complete(d).isEnabled());
        assertThat(browser.driver().findElements(By.cssSelector("[cam-tasklist-task] .fjs-form-field-error")))
                .as("no error left").noneMatch(e -> e.isDisplayed() && !e.getText().isBlank());
    }

    /** A refused empty Complete, then every required field shown filled in: Complete is free. */
    private void refusedThenFilled(String form) {
        List<JsonNode> required = requiredFields(form);
        browser.click(completeButton());
        browser.visible(By.cssSelector("[cam-tasklist-task] .fjs-form-field-error"));
        browser.until("Complete disabled after the refusal", d -> !complete(d).isEnabled());
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

    /** A hint a condition shows: the clerk's answer hides it, and Complete is free. */
    private void hintAnswered(String hint, Runnable answer) {
        By shown = By.xpath("//*[@cam-tasklist-task]//*[contains(@class,'fjs-form-field-text')][contains(., " + Tasklist.literal(hint) + ")]");
        browser.visible(shown);
        answer.run();
        browser.until("hint gone: " + hint, d -> d.findElements(shown).stream().noneMatch(WebElement::isDisplayed));
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
