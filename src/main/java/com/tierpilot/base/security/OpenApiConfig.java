package com.tierpilot.base.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The frame of the REST API's OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}):
 * its description and the bearer-token scheme that every endpoint requires. springdoc adds the endpoints of
 * {@code /api/**} from their controllers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BEARER = "bearerToken";

    @Bean
    OpenAPI tierPilotOpenApi() {
        return new OpenAPI()
                .info(new Info().title("TierPilot REST API").version("v1").description("""
                        Send customers and orders from a shop system to TierPilot, and read a customer's profile. \
                        Every request carries an API token of your company: `Authorization: Bearer tp_…`. The \
                        owner creates tokens in Settings → API tokens; a token acts for its company only. Errors \
                        are RFC 9457 problem details (`application/problem+json`): 400 for a body that is not \
                        JSON, 401 without a valid token, 403 when the token may not do something, 404 for an \
                        unknown customer, 422 for a batch that cannot be written (with per-item `errors`)."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("tp_ + 43 characters")
                        .description("An API token created in Settings → API tokens.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Every endpoint can answer 401 and 403; the security chain does, before any controller. */
    @Bean
    OpenApiCustomizer securityResponses() {
        return api -> api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            operation.getResponses().addApiResponse("401", problem("The token is missing, invalid or revoked."
                    + " The answer has a `WWW-Authenticate: Bearer` header."));
            operation.getResponses().addApiResponse("403", problem("The token may not do this."));
        }));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType()));
    }
}
