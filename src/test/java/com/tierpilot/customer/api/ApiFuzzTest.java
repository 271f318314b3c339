package com.tierpilot.customer.api;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static com.tierpilot.customer.CustomerFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.loyalty.RewardDraft;
import com.tierpilot.loyalty.RewardService;
import com.tierpilot.support.ApiContract;
import com.tierpilot.support.HttpApi;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bounded, seeded fuzz run of the REST API, generated from its own OpenAPI document: every operation is called
 * with valid and invalid path values and bodies (wrong types, out-of-range and non-finite numbers, control
 * characters, missing and unknown fields, text that is not JSON), over real HTTP. No answer may be 500 or more, and
 * every answer must be one that the document describes (status, media type, body), as the swagger-request-validator
 * judges it.
 */
@IntegrationTest
class ApiFuzzTest {

    private static final Logger log = LoggerFactory.getLogger(ApiFuzzTest.class);
    private static final long SEED = 16;
    private static final int ROUNDS_PER_OPERATION = 40;
    private static final Duration TIME_BOX = Duration.ofSeconds(45);

    @LocalServerPort
    int port;
    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    RewardService rewards;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Random random = new Random(SEED);
    private JsonNode document;
    private final List<String> pathValues = new ArrayList<>(List.of("VIP-1", "vip-1", "KH%2F2024%2F001", "NOBODY",
            "0", "-1", "1", "abc", "9999999999999999999999", "1e400", "%E7%8E%8B%E8%8A%B3", "a%20b", "%25",
            "x".repeat(300)));

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void generatedRequestsToEveryOperationGetNo5xxAndOnlyAnswersTheDocumentDescribes() throws IOException {
        TestTenant shop = tenants.signUp("Fuzz Tea", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH);
        customers.upsertCustomers(shop.id(), List.of(customer("VIP-1", "王芳", "杭州"),
                customer("KH/2024/001", "Slash", "上海")));
        customers.upsertOrders(shop.id(), List.of(order("SO-1", "VIP-1", LocalDateTime.now().minusDays(3), "88.00")));
        shop.signInAsOwner();
        long reward = rewards.create(shop.id(), new RewardDraft("Cup", null, 5, 3, true)).id();
        TestTenants.signOut();
        pathValues.add(Long.toString(reward));
        HttpApi api = new HttpApi("http://127.0.0.1:" + port, shop.apiToken());
        ApiContract contract = ApiContract.of(api);
        document = json.readTree(contract.document());
        Files.writeString(Path.of("target", "openapi.json"), contract.document());
        // The judge can fail: it refuses what the API answered before (a page, a status the document lacks, a body
        // of another shape).
        Map<String, List<String>> html = Map.of("Content-Type", List.of("text/html;charset=UTF-8"));
        Map<String, List<String>> plainJson = Map.of("Content-Type", List.of("application/json"));
        assertThat(contract.disagreements("POST", "/api/v1/loyalty/points", 200, html, "<!doctype html><html>"))
                .isNotEmpty();
        assertThat(contract.disagreements("POST", "/api/v1/coupons/redeem", 302, Map.of("Location",
                List.of("/login")), "")).isNotEmpty();
        assertThat(contract.disagreements("GET", "/api/v1/segments", 200, plainJson, "{\"not\": \"a list\"}"))
                .isNotEmpty();
        assertThat(contract.disagreements("POST", "/api/v1/coupons/redeem", 200, plainJson,
                "{\"redemptionId\": \"one\"}")).isNotEmpty();

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        int invalid = 0;
        int operations = 0;
        Instant giveUp = Instant.now().plus(TIME_BOX);
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations++;
                String method = operation.getKey().toUpperCase();
                for (int round = 0; round < ROUNDS_PER_OPERATION && Instant.now().isBefore(giveUp); round++) {
                    boolean valid = round % 3 == 0;
                    String address = address(path.getKey(), operation.getValue());
                    String body = body(operation.getValue(), valid);
                    if (!valid) {
                        invalid++;
                    }
                    HttpResponse<String> answer = api.send(method, address, body);
                    requests++;
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    List<String> wrong = new ArrayList<>(contract.disagreements(method, address, answer));
                    if (answer.statusCode() >= 500) {
                        wrong.add("status " + answer.statusCode());
                    }
                    if (!wrong.isEmpty()) {
                        failures.add(method + " " + address + " " + abbreviate(body) + " -> " + answer.statusCode()
                                + " " + abbreviate(answer.body()) + ": " + wrong);
                    }
                }
            }
        }
        long fiveHundreds = statuses.entrySet().stream().filter(e -> e.getKey() >= 500)
                .mapToLong(Map.Entry::getValue).sum();
        log.info("API fuzz (seed {}): {} operations, {} requests ({} with an invalid body or value), answers by"
                + " status {}, {} answers of 500 or more, {} answers that disagree with the document", SEED,
                operations, requests, invalid, statuses, fiveHundreds, failures.size());
        failures.stream().limit(30).forEach(failure -> log.warn("Fuzz: {}", failure));
        assertThat(operations).as("operations in the document").isGreaterThanOrEqualTo(10);
        assertThat(failures).as("answers of 500 or more, or not as the document describes").isEmpty();
    }

    /** The operation's address, each path variable taken from the pool (valid and invalid values). */
    private String address(String template, JsonNode operation) {
        StringBuilder address = new StringBuilder();
        for (String segment : template.split("/", -1)) {
            if (!address.isEmpty() || !segment.isEmpty()) {
                address.append('/');
            }
            address.append(segment.startsWith("{") ? pathValues.get(random.nextInt(pathValues.size())) : segment);
        }
        return address.toString();
    }

    /** A body for the operation: one that fits its schema, or one of many ways not to. Null when it takes none. */
    private @Nullable String body(JsonNode operation, boolean valid) {
        JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (body.isMissingNode()) {
            return null;
        }
        JsonNode instance = instance(body, 0);
        if (valid) {
            return json.writeValueAsString(instance);
        }
        return switch (random.nextInt(6)) {
            case 0 -> List.of("not json", "{", "[1,", "", "null", "\u0000").get(random.nextInt(6));
            case 1 -> json.writeValueAsString(mutated(instance, body));
            case 2 -> json.writeValueAsString(mutated(mutated(instance, body), body));
            case 3 -> List.of("[]", "{}", "[[]]", "\"text\"", "1e400", "true").get(random.nextInt(6));
            default -> json.writeValueAsString(mutated(instance, body)).replace("\"1e400\"", "1e400")
                    .replace("\"2147483648\"", "2147483648");
        };
    }

    /** An instance of the schema, from its examples and ranges. */
    private JsonNode instance(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("example") && random.nextBoolean() && !schema.get("example").isNull()
                && !"array".equals(type(schema))) {
            JsonNode example = schema.get("example");
            return example.isString() && "integer".equals(type(schema))
                    ? json.getNodeFactory().numberNode(Long.parseLong(example.stringValue())) : example;
        }
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode object = json.createObjectNode();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    if (depth < 3 && (required(schema, property.getKey()) || random.nextBoolean())) {
                        object.set(property.getKey(), instance(property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = json.createArrayNode();
                int items = Math.max(1, Math.min(schema.path("maxItems").asInt(3), 1 + random.nextInt(3)));
                for (int i = 0; i < items && depth < 3; i++) {
                    array.add(instance(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> {
                long min = schema.path("minimum").asLong(1);
                long max = schema.path("maximum").asLong(1000);
                yield json.getNodeFactory().numberNode(min + (long) (random.nextDouble() * (max - min)));
            }
            case "number" -> json.getNodeFactory().numberNode(random.nextInt(100_000) / 100.0 + 1);
            case "boolean" -> json.getNodeFactory().booleanNode(random.nextBoolean());
            default -> {
                if (schema.has("enum")) {
                    yield schema.get("enum").get(random.nextInt(schema.get("enum").size()));
                }
                if ("date".equals(schema.path("format").asString(""))) {
                    yield json.getNodeFactory().stringNode(LocalDate.now().plusDays(1 + random.nextInt(300))
                            .toString());
                }
                yield json.getNodeFactory().stringNode("F" + SEED + "-" + random.nextInt(1_000_000));
            }
        };
    }

    /** The instance with one value broken: a wrong type, out of range, too long, a control character, ... */
    private JsonNode mutated(JsonNode instance, JsonNode schema) {
        schema = resolve(schema);
        if (instance instanceof ArrayNode array && !array.isEmpty()) {
            ArrayNode copy = array.deepCopy();
            int i = random.nextInt(copy.size());
            copy.set(i, mutated(copy.get(i), schema.path("items")));
            return copy;
        }
        if (instance instanceof ObjectNode object && !object.isEmpty() && random.nextInt(5) > 0) {
            ObjectNode copy = object.deepCopy();
            List<String> names = new ArrayList<>();
            Iterator<String> it = copy.propertyNames().iterator();
            it.forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            if (random.nextInt(6) == 0) {
                copy.remove(name);
            } else {
                copy.set(name, broken(schema.path("properties").path(name)));
            }
            if (random.nextInt(8) == 0) {
                copy.put("unknownField", "x");
            }
            return copy;
        }
        return broken(schema);
    }

    private JsonNode broken(JsonNode schema) {
        var nodes = json.getNodeFactory();
        String type = type(resolve(schema));
        return switch (random.nextInt(12)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.stringNode("1e400");
            case 2 -> nodes.stringNode("2147483648");
            case 3 -> nodes.numberNode(-1);
            case 4 -> nodes.stringNode("bad\u0000value");
            case 5 -> nodes.stringNode("x".repeat(1 + random.nextInt(400)));
            case 6 -> nodes.numberNode(1.5e300);
            case 7 -> nodes.stringNode("1900-01-01");
            case 8 -> nodes.stringNode("+10000-01-01");
            case 9 -> json.createObjectNode().put("nested", 1);
            case 10 -> nodes.booleanNode(true);
            default -> "string".equals(type) ? nodes.numberNode(Long.MAX_VALUE) : nodes.stringNode("text");
        };
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            schema = document.path("components").path("schemas").path(name);
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asString())) {
                    return t.asString();
                }
            }
        }
        return type.isString() ? type.asString() : schema.has("properties") ? "object" : "string";
    }

    private static boolean required(JsonNode schema, String property) {
        for (JsonNode name : schema.path("required")) {
            if (name.asString().equals(property)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(@Nullable String text) {
        if (text == null) {
            return "(no body)";
        }
        String oneLine = URLEncoder.encode(text, StandardCharsets.UTF_8).replace('+', ' ');
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
