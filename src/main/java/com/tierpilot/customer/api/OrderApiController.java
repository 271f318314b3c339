package com.tierpilot.customer.api;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.customer.CustomerProfileService;
import java.util.Locale;
import java.util.Set;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Orders and refunds through the REST API: batch upsert. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Orders")
class OrderApiController {

    private final CustomerBulkService bulk;
    private final TenantService tenants;
    private final CurrentUser currentUser;
    private final CustomerProfileService queries;
    private final Clock clock;

    OrderApiController(CustomerBulkService bulk, TenantService tenants, CurrentUser currentUser,
            CustomerProfileService queries, Clock clock) {
        this.queries = queries;
        this.bulk = bulk;
        this.tenants = tenants;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or update orders and refunds", description = """
            Upserts up to 1,000 orders by `orderNo`. A `customerCode` that is not known yet creates a customer \
            with only that code. A refund is its own order with status REFUNDED and a negative amount. \
            `orderedAt` is kept as a local date-time in your company's time zone: a date means the start of that \
            day, a local date-time is taken as it is, and a date-time with an offset or zone is converted. Every \
            item is checked; the invalid ones are skipped and listed in `errors`, and the valid ones are written \
            together, in one transaction. If none is valid, nothing is written and the answer is 422 with the same \
            `errors`. When one request holds the same order number more than once, the last valid occurrence \
            wins.""")
    @ApiResponse(responseCode = "200", description = "At least one order was written.")
    @ApiResponse(responseCode = "422", description = "The body is not an array of 1 to 1,000 objects, or no item is"
            + " valid.", content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(ApiDocs.INVALID_BATCH_EXAMPLE)))
    BatchResult upsertOrders(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = OrderItem.class), minItems = 1,
                            maxItems = Batch.MAX_ITEMS),
                    examples = @ExampleObject(ApiDocs.ORDERS_EXAMPLE)))
            @RequestBody(required = false) @Nullable JsonNode body) {
        TenantId tenant = currentUser.tenantId();
        ZoneId zone = tenants.profile(tenant).timeZone();
        var items = new OrderItems(zone, LocalDateTime.now(clock.withZone(zone)));
        DataScope scope = currentUser.scope();
        boolean check = !scope.all() && body != null && body.isArray();
        Set<String> customers = check ? queries.outOfScope(tenant, Batch.texts(body, "customerCode"), scope)
                : Set.of();
        Set<String> orders = check ? queries.ordersOutOfScope(tenant, Batch.texts(body, "orderNo"), scope) : Set.of();
        Batch.Read<OrderRecord> read = Batch.read(body, "order", item -> items.read(item).filter(order -> {
            // An account manager's token (issue 20, data scope) writes orders of their own and the pool's customers.
            if (customers.contains(order.customerCode().toLowerCase(Locale.ROOT))) {
                item.error("customerCode", "is another account manager's customer");
                return false;
            }
            if (orders.contains(order.orderNo().toLowerCase(Locale.ROOT))) {
                item.error("orderNo", "is an order of another account manager's customer");
                return false;
            }
            return true;
        }), OrderRecord::orderNo);
        return read.written(bulk.upsertOrders(tenant, read.valid()));
    }
}
