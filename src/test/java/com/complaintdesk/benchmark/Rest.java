package com.complaintdesk.benchmark;

import com.complaintdesk.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The harness's HTTP calls: the tests' {@link Http} (as one user, HTTP Basic, or none) with a long answer timeout for a
 * loaded machine, and {@link #ok} to read the JSON answer of a call that must succeed.
 */
final class Rest {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;

    Rest(String baseUrl, String user, String password) {
        Http anonymous = Http.at(baseUrl).withTimeout(Duration.ofMinutes(5));
        this.http = user == null ? anonymous : anonymous.as(user, password);
    }

    String baseUrl() {
        return http.baseUrl();
    }

    Rest as(String user, String password) {
        return new Rest(baseUrl(), user, password);
    }

    HttpResponse<String> get(String path, String... headers) {
        return http.get(path, headers);
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        return http.postJson(path, json, headers);
    }

    HttpResponse<String> put(String path, String json) {
        return http.putJson(path, json);
    }

    HttpResponse<String> postMultipart(String path, String boundary, byte[] body) {
        return http.postBytes(path, "multipart/form-data; boundary=" + boundary, body);
    }

    /** The JSON answer of a call that must succeed (2xx). */
    static JsonNode ok(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
