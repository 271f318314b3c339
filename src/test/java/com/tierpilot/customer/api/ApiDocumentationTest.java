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
    void theDocumentDescribesTheRequestsAndAnswersAsTheyAre() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").value("3.0.1"))
                // Two request classes named RedeemRequest were one schema: the coupon's fields were missing.
                .andExpect(jsonPath("$.paths['/api/v1/coupons/redeem'].post.requestBody.content['application/json']"
                        + ".schema['$ref']").value("#/components/schemas/CouponRedeemRequest"))
                .andExpect(jsonPath("$.components.schemas.CouponRedeemRequest.properties", hasKey("code")))
                .andExpect(jsonPath("$.components.schemas.CouponRedeemRequest.properties", hasKey("orderNo")))
                .andExpect(jsonPath("$.components.schemas.CouponRedeemRequest.properties", hasKey("orderAmount")))
                .andExpect(jsonPath("$.components.schemas.RewardRedeemRequest.properties", hasKey("idempotencyKey")))
                // Errors as served: problem details.
                .andExpect(jsonPath("$.paths['/api/v1/customers/{code}'].get.responses['404'].content",
                        hasKey("application/problem+json")))
                .andExpect(jsonPath("$.paths['/api/v1/coupons/redeem'].post.responses['409'].content",
                        hasKey("application/problem+json")))
                .andExpect(jsonPath("$.paths['/api/v1/orders'].post.responses['422'].content",
                        hasKey("application/problem+json")))
                .andExpect(jsonPath("$.paths['/api/v1/orders'].post.responses", hasKey("400")))
                .andExpect(jsonPath("$.paths['/api/v1/orders'].post.responses['503'].headers", hasKey("Retry-After")))
                // The answers that were missing.
                .andExpect(jsonPath("$.paths['/api/v1/segmentation/runs/{id}'].get.responses['200'].content"
                        + "['application/json'].schema['$ref']").value("#/components/schemas/Run"))
                .andExpect(jsonPath("$.paths['/api/v1/loyalty/customers/{code}'].get.responses['200'].content"
                        + "['application/json'].schema['$ref']").value("#/components/schemas/CustomerPoints"))
                // Ranges.
                .andExpect(jsonPath("$.components.schemas.PointsRequest.properties.points.maximum").value(1000000))
                .andExpect(jsonPath("$.components.schemas.OrderItem.properties.quantity.maximum").value(1000000));
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
