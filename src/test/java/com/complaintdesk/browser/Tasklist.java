package com.complaintdesk.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * What a member of staff does in Camunda's Tasklist and Cockpit, as Selenium steps: log in, start a process with its
 * start form, pick a filter, open, claim and complete a task, fill Camunda Forms (form-js) fields found by their
 * label. Every step waits for the page; nothing sleeps.
 */
final class Tasklist {

    private final Browser browser;
    private final String baseUrl;

    Tasklist(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    /** Logs out whoever was in and logs this user in to Tasklist. */
    void logInAs(String user, String password) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(baseUrl + "/camunda/app/tasklist/default/#/login");
        // the first page after the application started may stay on Tasklist's splash on a busy machine: loaded once more
        try {
            browser.visible(By.cssSelector("input[ng-model='username']"));
        } catch (org.openqa.selenium.TimeoutException slowStart) {
            browser.driver().navigate().refresh();
        }
        // the login page may still be starting (its autofocus moves the caret): type until both fields hold their values
        By username = By.cssSelector("input[ng-model='username']");
        By secret = By.cssSelector("input[ng-model='password']");
        browser.until("login form filled in", d -> {
            WebElement userField = browser.visible(username);
            if (!user.equals(userField.getDomProperty("value"))) {
                userField.clear();
                userField.sendKeys(user);
            }
            WebElement passwordField = browser.visible(secret);
            if (!password.equals(passwordField.getDomProperty("value"))) {
                passwordField.clear();
                passwordField.sendKeys(password);
            }
            return user.equals(d.findElement(username).getDomProperty("value")) && password.equals(d.findElement(secret).getDomProperty("value"));
        });
        browser.click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
        browser.visible(By.cssSelector("[cam-tasklist-filters] .task-filter"));
    }

    /** Opens "Start process", picks the process by name and waits for its start form. */
    void openStartForm(String processName) {
        browser.click(By.xpath("//a[contains(normalize-space(.), 'Start process')]"));
        browser.click(By.xpath("//div[contains(@class,'modal-content')]//ul[contains(@class,'processes')]//a[normalize-space(.)="
                + literal(processName) + "]"));
        browser.visible(By.cssSelector(".modal-content .fjs-form"));
    }

    /** Presses Start in the start dialog and waits for Tasklist to say the process has been started. */
    void start() {
        browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='Start']"));
        browser.visible(By.xpath("//*[contains(@class,'notifications')]//*[contains(., 'The process has been started')]"));
        browser.until("start dialog closed", d -> d.findElements(By.cssSelector(".modal-content")).isEmpty());
    }

    /** Selects the filter and waits until the task is in its list. */
    void seeInFilter(String filterName, String taskId) {
        browser.click(By.xpath("//*[@cam-tasklist-filters]//div[contains(@class,'task-filter')][.//a[contains(normalize-space(.), "
                + literal(filterName) + ")]]"));
        browser.visible(taskLink(taskId));
    }

    /** Opens the task from the list, claims it when nobody has, and waits for its form. */
    void openAndClaim(String taskId, String taskName) {
        browser.click(taskLink(taskId));
        browser.visible(By.xpath("//*[@cam-tasklist-task]//h2[contains(normalize-space(.), " + literal(taskName) + ")]"));
        if (!browser.driver().findElements(By.cssSelector("[cam-tasklist-task] button.claim")).isEmpty()) {
            browser.click(By.cssSelector("[cam-tasklist-task] button.claim"));
            browser.until("task claimed", d -> d.findElements(By.cssSelector("[cam-tasklist-task] button.claim")).isEmpty());
        }
        browser.visible(By.cssSelector("[cam-tasklist-task] .fjs-form"));
    }

    /** Presses Complete and waits until the task has left the list. */
    void complete(String taskId) {
        browser.click(By.cssSelector("[cam-tasklist-task] button[ng-click='complete()']"));
        browser.until("task " + taskId + " completed and gone from the list", d -> d.findElements(taskLink(taskId)).isEmpty());
    }

    // ---- Camunda Forms fields, found by (a part of) their label ----

    void type(String label, String text) {
        By locator = By.xpath(field(label) + "//*[self::input[contains(@class,'fjs-input')] or self::textarea]");
        // typed again if the form was redrawn meanwhile; Tab leaves the field: form-js commits a typed value on blur
        // (its input handler is debounced)
        browser.until(label + " = " + text, d -> {
            WebElement input = browser.visible(locator);
            if (!text.equals(input.getDomProperty("value"))) {
                input.clear();
                input.sendKeys(text, Keys.TAB);
            }
            return text.equals(d.findElement(locator).getDomProperty("value"));
        });
    }

    /** Picks an option of a form-js select: opens its dropdown and clicks the option with this text. */
    void choose(String label, String option) {
        By group = By.xpath(field(label) + "//div[contains(@class,'fjs-input-group')]");
        By item = By.xpath(field(label) + "//div[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.), "
                + literal(option) + ")]");
        // the dropdown may already be open (focus moved into the field): open it only when it is closed
        browser.until(label + ": pick " + option, d -> {
            try {
                List<WebElement> items = d.findElements(item).stream().filter(WebElement::isDisplayed).toList();
                if (!items.isEmpty()) {
                    items.get(0).click();
                    return true;
                }
                if (d.findElements(By.xpath(field(label) + "//div[contains(@class,'fjs-dropdownlist')]")).isEmpty()) {
                    WebElement opener = d.findElement(group);
                    // form-js's select keeps the focus after a pick and then opens no list on a click (a clerk's mouse
                    // meets the same): the clerk clicks outside first, as the list opens again once the focus has left
                    if (Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                            "return arguments[0].contains(document.activeElement);", opener))) {
                        clickOutside(d);
                    }
                    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", opener);
                    opener.click();
                }
                return false;
            } catch (WebDriverException e) {
                return false;
            }
        });
        // a plain select shows the choice in a display div, a searchable one in its text input
        By display = By.xpath(field(label) + "//div[contains(@class,'fjs-select-display')]");
        By searchInput = By.xpath(field(label) + "//input[contains(@class,'fjs-input')]");
        browser.until(label + " shows " + option, d -> d.findElements(display).stream().anyMatch(e -> e.getText().contains(option))
                || d.findElements(searchInput).stream().anyMatch(e -> String.valueOf(e.getDomProperty("value")).contains(option)));
    }

    /** A click on the heading of the task or dialog: moves the focus out of the form's fields, as a click beside them would. */
    private static void clickOutside(org.openqa.selenium.WebDriver d) {
        d.findElements(By.cssSelector("[cam-tasklist-task] h2, .modal-content .modal-header")).stream()
                .filter(WebElement::isDisplayed).findFirst().ifPresentOrElse(WebElement::click,
                        () -> ((JavascriptExecutor) d).executeScript("document.activeElement.blur();"));
    }

    void tick(String label) {
        WebElement box = browser.visible(By.xpath(field(label) + "//input[@type='checkbox']"));
        if (!box.isSelected()) {
            box.click();
        }
        browser.until(label + " ticked", d -> box.isSelected());
    }

    void untick(String label) {
        WebElement box = browser.visible(By.xpath(field(label) + "//input[@type='checkbox']"));
        if (box.isSelected()) {
            box.click();
        }
        browser.until(label + " not ticked", d -> !box.isSelected());
    }

    /** Types a date (yyyy-mm-dd, as the desk shows dates) into a form-js date field. */
    void date(String label, String isoDate) {
        WebElement input = browser.visible(By.xpath(field(label) + "//input[contains(@class,'flatpickr-input')]"));
        input.click();
        input.sendKeys(isoDate, Keys.ENTER);
        browser.until(label + " = " + isoDate, d -> isoDate.equals(input.getDomProperty("value")));
    }

    // ---- Cockpit ----

    /** Cockpit's page of the process definition, its running instances searched by business key. */
    void openCockpitDefinition(String definitionId, String businessKey) {
        String query = "[{\"type\":\"businessKey\",\"operator\":\"eq\",\"value\":\"" + businessKey + "\",\"name\":\"\"}]";
        browser.driver().get(baseUrl + "/camunda/app/cockpit/default/#/process-definition/" + definitionId + "/runtime?searchQuery="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    // ---- locators ----

    private static By taskLink(String taskId) {
        return By.cssSelector("[cam-tasks] a[href='#/?task=" + taskId + "']");
    }

    /** The form-js field whose label contains the text (labels are "中文 English", required ones end with *). */
    private static String field(String label) {
        return "//div[contains(concat(' ', normalize-space(@class), ' '), ' fjs-form-field ')][.//label[contains(normalize-space(.), "
                + literal(label) + ")]]";
    }

    /** An XPath string literal for text that may hold an apostrophe ("Complainant's answer"). */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
