package com.tierpilot.e2e;

import com.tierpilot.support.TestConfig;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * An end-to-end test: the whole application on a random port (one Spring context shared by all of them) and a
 * headless browser, started for each test class and closed after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
abstract class EndToEndTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    /** The absolute address of {@code path} on the running application. */
    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
