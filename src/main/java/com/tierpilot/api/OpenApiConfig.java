package com.tierpilot.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI tierPilotOpenApi() {
        return new OpenAPI()
                .info(new Info().title("TierPilot REST API").version("v1").description("""
                        Send customers and orders from a shop system to TierPilot, and read a customer's profile. \
                        Every request carries an API token of your company: `Authorization: Bearer tp_…`. The \
                        owner creates tokens in Settings → API tokens; a token acts for its company only. Errors \
                        are RFC 9457 problem details (`application/problem+json`): 400 for a body that is not \
                        JSON, 401 without a valid token, 403 when the token may not do something, 404 for an \
                        unknown customer, 422 for a value out of its documented range or a batch that cannot be written \
                        (with per-item `errors`), and 503 with `Retry-After` when the database cannot be reached: \
                        nothing was written, and the same request (with the same idempotency key or order number) \
                        can be sent again after that many seconds. Under `/api/` every answer is JSON, also for \
                        an unknown address (404)."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("tp_ + 43 characters")
                        .description("An API token created in Settings → API tokens.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Every error answer of every endpoint, as it is served: a problem detail ({@code application/problem+json}) of
     * the one {@value #PROBLEM} schema. Each endpoint can answer 400 (an address, parameter or body that cannot be
     * read), 401 and 403 (the security chain, before any controller), 500, and 503 with {@code Retry-After} (the
     * database is unavailable; nothing was written); one with a body also 415 and 422, one with a path variable 404.
     */
    @Bean
    @SuppressWarnings("rawtypes")
    OpenApiCustomizer problemResponses() {
        return api -> {
            Map<String, Schema> components = api.getComponents().getSchemas();
            components.values().forEach(schema -> optionalMeansNullable(schema, components));
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
                ApiResponses responses = operation.getResponses();
                responses.putIfAbsent("400", new ApiResponse().description("The address, a parameter or the body"
                        + " cannot be read: a body that is not JSON, a path or query value of the wrong type, an"
                        + " address with characters that are not allowed."));
                responses.addApiResponse("401", new ApiResponse().description("The token is missing, invalid or"
                        + " revoked. The answer has a `WWW-Authenticate: Bearer` header."));
                responses.addApiResponse("403", new ApiResponse().description("The token may not do this."));
                if (path.contains("{")) {
                    responses.putIfAbsent("404", new ApiResponse().description("Nothing of your company has this"
                            + " id or code."));
                }
                if (operation.getRequestBody() != null) {
                    responses.putIfAbsent("415", new ApiResponse().description("The body is not"
                            + " `application/json`."));
                    responses.putIfAbsent("422", new ApiResponse().description("The body is JSON, but a value is"
                            + " missing, of the wrong kind or out of its documented range."));
                }
                responses.addApiResponse("500", new ApiResponse().description("A fault on our side; nothing was"
                        + " written. Retrying the same request is safe."));
                responses.addApiResponse("503", new ApiResponse().description("The database cannot be reached just"
                        + " now; nothing was written. Retry the same request (same idempotency key or order number)"
                        + " after the seconds in `Retry-After`.").addHeaderObject("Retry-After", new Header()
                                .description("Seconds to wait before retrying.")
                                .schema(new IntegerSchema())));
                responses.forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        response.setContent(problemContent(response.getContent()));
                    }
                });
            }));
        };
    }

    /**
     * A property that is not required may be null as well as absent, in requests (null counts as not given) and in
     * answers (a value the resource does not have, such as a run's end before it ended). A reference cannot carry
     * {@code nullable} beside it in OpenAPI 3.0, so the referenced object is written out in place.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void optionalMeansNullable(Schema schema, Map<String, Schema> components) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.replaceAll((name, property) -> {
            if (required.contains(name)) {
                return property;
            }
            String ref = property.get$ref();
            Schema referenced = ref == null ? null : components.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (referenced != null) {
                return new ObjectSchema().properties(referenced.getProperties()).required(referenced.getRequired())
                        .description(property.getDescription() != null ? property.getDescription()
                                : referenced.getDescription()).nullable(true);
            }
            return property.nullable(true);
        });
    }

    /** Problem-details content, keeping the examples a controller gave. */
    private static Content problemContent(@Nullable Content given) {
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
        if (given != null) {
            given.values().stream().filter(type -> type.getExamples() != null || type.getExample() != null)
                    .findFirst().ifPresent(type -> problem.examples(type.getExamples()).example(type.getExample()));
        }
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE, problem);
    }

    /** RFC 9457 problem details, with the API's extension members. */
    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> itemError = new ObjectSchema().description("One item of a batch that was skipped, and why.")
                .addProperty("index", new IntegerSchema().description("The item's position in the array, from 0."))
                .addProperty("field", new StringSchema().nullable(true).description("The field; absent or null when"
                        + " the item as a whole is wrong."))
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("An RFC 9457 problem detail.")
                .addProperty("type", new StringSchema().description("Always `about:blank`: the status says what went"
                        + " wrong."))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What went wrong, in English."))
                .addProperty("instance", new StringSchema().description("The address of the request."))
                .addProperty("errors", new ArraySchema().items(itemError).description("A batch's items that were"
                        + " skipped (422 of a batch upsert)."))
                .addProperty("reason", new StringSchema().description("Why a coupon was refused (coupon endpoints)."))
                .required(List.of("status", "title"));
    }
}
