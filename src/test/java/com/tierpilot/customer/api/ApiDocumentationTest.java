package com.tierpilot.customer.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.tierpilot.support.IntegrationTest;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI document is public, describes the three endpoints and the bearer token, and matches the code. */
@IntegrationTest
class ApiDocumentationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theOpenApiDocumentDescribesTheEndpointsAndTheBearerToken() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.info.title").value("TierPilot REST API"))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/customers")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/orders")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/customers/{code}")))
                .andExpect(jsonPath("$.paths", not(hasKey("/auth/complete"))))
                .andExpect(jsonPath("$.paths['/api/v1/customers'].post.requestBody.content['application/json']"
                        + ".schema.items['$ref']").value("#/components/schemas/CustomerItem"))
                .andExpect(jsonPath("$.paths['/api/v1/orders'].post.requestBody.content['application/json']"
                        + ".schema.maxItems").value(1000))
                .andExpect(jsonPath("$.paths['/api/v1/customers/{code}'].get.responses", hasKey("404")))
                .andExpect(jsonPath("$.paths['/api/v1/orders'].post.responses", hasKey("401")))
                .andExpect(jsonPath("$.components.schemas.OrderItem.properties.orderedAt.description")
                        .value(org.hamcrest.Matchers.containsString("converted to your company's time zone")))
                .andExpect(jsonPath("$.components.securitySchemes.bearerToken.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.bearerToken.scheme").value("bearer"))
                .andExpect(jsonPath("$.security[0]", hasKey("bearerToken")));
    }

    @Test
    void theSwaggerUiIsServedAndNotTakenForAView() throws Exception {
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/swagger-ui/index.html"));
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void everyDocumentedFieldIsReadAndEveryReadFieldIsDocumented() {
        assertThat(CustomerItems.FIELDS).isEqualTo(components(CustomerItem.class));
        assertThat(OrderItems.FIELDS).isEqualTo(components(OrderItem.class));
    }

    private static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
