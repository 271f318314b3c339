package com.tierpilot.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A test against the whole application on the test database (H2, or MySQL in the mysql-tests profile), in its
 * servlet container on a random port ({@code @LocalServerPort}), so that a test can also see what Tomcat answers
 * itself; MockMvc calls it without the network. All such tests share one Spring context (one per JVM: two would
 * share Quartz's and Spring Security's JVM-wide registries); each creates its own tenants, so they never see each
 * other's data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestConfig.class)
public @interface IntegrationTest {
}
