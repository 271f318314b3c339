package com.tierpilot.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.support.IntegrationTest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatWebServerFactoryCustomizer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.env.Environment;

/**
 * Forwarded headers are believed only from configured proxies, and by default from none: a client that reaches a node
 * directly (from loopback or a private address, as the test does) cannot choose the address that the sign-up limit
 * counts, nor pretend the request came over HTTPS. The test starts a Tomcat configured as the application's own
 * (with its RemoteIpValve) and asks it what a servlet sees.
 */
@IntegrationTest
class ForwardedHeadersTest {

    @Autowired
    Environment environment;

    @Test
    void aDirectClientsXForwardedForAndProtoAreIgnoredWhenNoProxyIsConfigured() throws Exception {
        // As Spring Boot configures the server of the running application, from the application's properties (the
        // mock servlet environment of the tests starts no server of its own).
        Binder binder = Binder.get(environment);
        var factory = new TomcatServletWebServerFactory(0);
        new TomcatWebServerFactoryCustomizer(environment, binder.bindOrCreate("server", ServerProperties.class),
                binder.bindOrCreate("server.tomcat", TomcatServerProperties.class),
                binder.bindOrCreate("spring.web", WebProperties.class)).customize(factory);
        assertThat(factory.getEngineValves()).as("forwarded headers are handled by Tomcat")
                .hasAtLeastOneElementOfType(RemoteIpValve.class);
        WebServer server = factory.getWebServer(context -> context.addServlet("echo", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().print(request.getRemoteAddr() + " " + request.isSecure());
            }
        }).addMapping("/echo"));
        server.start();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> seen = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getPort() + "/echo"))
                    .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https").build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(seen.body()).isEqualTo("127.0.0.1 false");
        } finally {
            server.stop();
        }
    }
}
