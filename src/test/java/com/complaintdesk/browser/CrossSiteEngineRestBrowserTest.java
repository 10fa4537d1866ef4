package com.complaintdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.Http;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page of another site cannot use a staff member's browser against the engine REST API: after the browser has
 * sent Basic credentials to the application, a page served from another origin (a second server on 127.0.0.1, another
 * site than localhost) posts a multipart deployment to /engine-rest/deployment/create. Refused, nothing deployed;
 * the same request from a program (no Origin, as curl, servers and Camunda Modeler send it) still deploys.
 */
@ComplaintDeskSpringTest
@Tag("browser")
class CrossSiteEngineRestBrowserTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;

    private HttpServer otherSite;
    private final String deploymentName = "cross-site-" + UUID.randomUUID();

    @BeforeEach
    void startAnotherSite() throws IOException {
        otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherSite.createContext("/attack.html", exchange -> {
            byte[] page = attackPage().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        otherSite.start();
    }

    @AfterEach
    void stopAndCleanUp() {
        otherSite.stop(0);
        repositoryService.createDeploymentQuery().deploymentName(deploymentName).list()
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
    }

    @Test
    void aPageOfAnotherSiteCannotDeployWithTheBrowsersCachedBasicCredentials() {
        // the staff member's browser signs in to the engine REST API with HTTP Basic (the credentials are cached)
        browser.driver().get("http://admin:admin@localhost:" + port + "/engine-rest/deployment?name=" + deploymentName);
        browser.until("the engine's answer", d -> d.getPageSource().contains("[]"));

        // a page of another site makes the browser post a deployment
        browser.driver().get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/attack.html");
        String answer = browser.until("the engine's answer to the cross-site post", d ->
                d.getCurrentUrl().contains("/engine-rest/deployment/create") ? d.findElement(By.tagName("body")).getText() : null);

        assertThat(answer).contains("CrossSiteRequestRefused");
        assertThat(repositoryService.createDeploymentQuery().deploymentName(deploymentName).count()).as("nothing deployed").isZero();
    }

    @Test
    void aProgramWithoutOriginDeploysAsBefore() throws Exception {
        String boundary = "----boundary" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + deploymentName + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-source\"\r\n\r\nCamunda Modeler\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note.txt\"; filename=\"note.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nnot a model\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentName(deploymentName).singleResult();
        assertThat(deployment).isNotNull();
        assertThat(repositoryService.getDeploymentResourceNames(deployment.getId())).containsExactly("note.txt");
        // a browser's same-origin request (Tasklist and Cockpit use /camunda/api, but a same-origin page may) is not refused
        assertThat(Http.on(port).as("admin", "admin").postJson("/engine-rest/process-instance/count", "{}",
                "Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(200);
    }

    /** An auto-submitting form: a multipart deployment with a file made in the page, as a hostile site would send it. */
    private String attackPage() {
        return """
                <!doctype html><html><body>
                <form id="deploy" method="post" enctype="multipart/form-data" action="http://localhost:%d/engine-rest/deployment/create">
                <input type="hidden" name="deployment-name" value="%s">
                <input type="file" id="file" name="evil.bpmn">
                </form>
                <script>
                const transfer = new DataTransfer();
                transfer.items.add(new File(['<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x"/>'],
                    'evil.bpmn', {type: 'text/xml'}));
                document.getElementById('file').files = transfer.files;
                document.getElementById('deploy').submit();
                </script>
                </body></html>
                """.formatted(port, deploymentName);
    }
}
