package com.tierpilot.api;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Makes every answer under {@code /api/} JSON, whatever fails and wherever: the {@link ApiErrorFilter} in front of
 * all other filters, and Tomcat's {@link ApiErrorReportValve} for what Tomcat refuses before the application sees it.
 * Tomcat passes an encoded slash ({@code %2F}) through undecoded, so that the firewall ({@link ApiFirewall}) decides:
 * it lets one through only inside a customer code of the API's customer addresses, and refuses it everywhere else,
 * as Tomcat did.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorConfig {

    @Bean
    FilterRegistrationBean<ApiErrorFilter> apiErrorFilter() {
        var registration = new FilterRegistrationBean<>(new ApiErrorFilter());
        registration.setName("apiErrorFilter");
        registration.addUrlPatterns("/*");
        // Before Spring Security (-100) and everything else but the character encoding.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorsInTomcat() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                }
            });
        };
    }
}
