package com.tierpilot.base;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a password, opens the login page and navigates to the sign-up form and back once, as a browser would, right
 * after the application has started, so that the first user after a restart does not pay for loading and compiling
 * the code that serves them (issue 17: the
 * first login after a restart took 4.7-5.6 s; a fresh JVM spent about 1.3 s of CPU on it against 0.2 s warm). It runs
 * in a background thread and only logs what fails. Off with {@code tierpilot.warm-up=false} (the test profile).
 */
@Component
class FirstRequestWarmUp {

    private static final Logger log = LoggerFactory.getLogger(FirstRequestWarmUp.class);
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\"\\s*:\\s*(\\d+)");

    private final boolean enabled;
    private final PasswordEncoder passwords;

    FirstRequestWarmUp(@Value("${tierpilot.warm-up:true}") boolean enabled, PasswordEncoder passwords) {
        this.enabled = enabled;
        this.passwords = passwords;
    }

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        if (!enabled || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)
                || web.getWebServer() == null || web.getWebServer().getPort() <= 0) {
            return;
        }
        int port = web.getWebServer().getPort();
        Thread.ofVirtual().name("warm-up").start(() -> warmUp("http://localhost:" + port));
    }

    private void warmUp(String base) {
        long start = System.nanoTime();
        // The password check of the first sign-in (bcrypt is slow by design, and slower before it is compiled).
        passwords.matches("warm-up", passwords.encode("warm-up"));
        try (HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build()) {
            get(http, base + "/login");
            // The request with which the page's script asks the server for the login view.
            String init = get(http, base + "/?v-r=init&location=login&query=&v-sh=768&v-sw=1366&v-wh=768&v-ww=1366"
                    + "&v-bh=768&v-bw=1366&v-curdate=0&v-tzo=-480&v-dstd=0&v-rtzo=-480&v-dston=false"
                    + "&v-tzid=Asia%2FShanghai&v-wn=warm-up&v-np=false");
            navigate(http, base, init);
            log.info("Warmed up the sign-in in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            log.info("Could not warm up the login page: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Navigates the warm-up's page to the sign-up form and back, through Vaadin's UIDL requests, as the browser does
     * after a sign-in (issue 17, item 9): the first such requests after a start (the login form's, then the
     * dashboard's) spent about 140 and 190 ms of CPU, mostly on loading the event, navigation and rendering code,
     * against 10 and 40-60 ms later.
     */
    private static void navigate(HttpClient http, String base, String init) throws Exception {
        Matcher key = SECURITY_KEY.matcher(init);
        Matcher ui = UI_ID.matcher(init);
        if (!key.find() || !ui.find()) {
            throw new IllegalStateException("no security key or UI id in the login view's answer");
        }
        int sync = 0;
        for (String route : new String[] {"signup", "login"}) {
            String rpc = "{\"csrfToken\":\"" + key.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                    + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\","
                    + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":" + sync + "},\"trigger\":\"\"}}],"
                    + "\"syncId\":" + sync + ",\"clientId\":" + sync + "}";
            send(http, HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + ui.group(1)))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(rpc)));
            sync++;
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        return send(http, HttpRequest.newBuilder(URI.create(url)));
    }

    private static String send(HttpClient http, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode());
        }
        return response.body();
    }
}
