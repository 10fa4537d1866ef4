package com.complaintdesk.support;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A web app session as the login page makes it: fetch the app's page for the session and CSRF cookies, post the login
 * form for that app, and send the session cookie with later requests (Cockpit plugins' resources take it; Tasklist's
 * posts also carry the CSRF token).
 */
public final class CockpitSession {

    private final int port;
    private final List<String> cookies;
    private final int loginStatus;

    private CockpitSession(int port, List<String> cookies, int loginStatus) {
        this.port = port;
        this.cookies = cookies;
        this.loginStatus = loginStatus;
    }

    /** Logs {@code user} in to {@code app} (cockpit, tasklist, admin) of engine "default". */
    public static CockpitSession logIn(int port, String app, String user, String password) {
        HttpResponse<String> page = Http.on(port).get("/camunda/app/" + app + "/default/");
        List<String> cookies = new ArrayList<>(page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
        String csrfToken = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11))
                .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from the " + app + " page: " + cookies));
        HttpResponse<String> login = Http.on(port).postForm("/camunda/api/admin/auth/user/default/login/" + app,
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8),
                "Cookie", String.join("; ", cookies), "X-XSRF-TOKEN", csrfToken);
        // a successful login starts a new session: its cookie replaces the page's
        keep(cookies, login);
        return new CockpitSession(port, cookies, login.statusCode());
    }

    /** Keeps the cookies an answer sets, as a browser does: a new value replaces the old one of that name. */
    private static HttpResponse<String> keep(List<String> cookies, HttpResponse<String> answer) {
        answer.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).forEach(cookie -> {
            String name = cookie.substring(0, cookie.indexOf('=') + 1);
            synchronized (cookies) {
                cookies.removeIf(c -> c.startsWith(name));
                cookies.add(cookie);
            }
        });
        return answer;
    }

    public int loginStatus() {
        return loginStatus;
    }

    public HttpResponse<String> get(String path) {
        return keep(cookies, Http.on(port).get(path, "Cookie", String.join("; ", cookies)));
    }

    /** A JSON post as the app's pages send it: the session cookie and the session's CSRF token in its header. */
    public HttpResponse<String> postJson(String path, String json) {
        String csrfToken = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11))
                .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + cookies));
        return Http.on(port).postJson(path, json, "Cookie", String.join("; ", cookies), "X-XSRF-TOKEN", csrfToken);
    }
}
