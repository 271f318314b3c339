package com.tierpilot.customer.api;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfile;
import com.tierpilot.customer.CustomerPredictionSource;
import com.tierpilot.customer.CustomerScoreSource;
import com.tierpilot.customer.CustomerScores;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.tenant.TenantProfile;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.UserAdminService;
import com.tierpilot.tenant.UserSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Customers through the REST API: batch upsert and the profile of one customer. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Customers")
class CustomerApiController {

    /** Who may be a customer's account manager: an active user in one of these roles. */
    private static final Set<Role> ACCOUNT_MANAGER_ROLES = EnumSet.of(Role.ACCOUNT_MANAGER, Role.OWNER,
            Role.MARKETER);

    private final CustomerBulkService bulk;
    private final CustomerProfileService queries;
    private final TenantService tenants;
    private final UserAdminService users;
    private final CurrentUser currentUser;
    private final ObjectProvider<CustomerScoreSource> scores;
    private final ObjectProvider<CustomerPredictionSource> predictions;
    private final java.time.Clock clock;

    CustomerApiController(CustomerBulkService bulk, CustomerProfileService queries, TenantService tenants,
            UserAdminService users, CurrentUser currentUser, ObjectProvider<CustomerScoreSource> scores,
            ObjectProvider<CustomerPredictionSource> predictions, java.time.Clock clock) {
        this.clock = clock;
        this.bulk = bulk;
        this.queries = queries;
        this.tenants = tenants;
        this.users = users;
        this.currentUser = currentUser;
        this.scores = scores;
        this.predictions = predictions;
    }

    @PostMapping(path = "/customers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or update customers", description = """
            Upserts up to 1,000 customers by `code`. Every item is checked; the invalid ones are skipped and listed \
            in `errors` with their index, field and message, and the valid ones are written together, in one \
            transaction. If none is valid, nothing is written and the answer is 422 with the same `errors`. When \
            one request holds the same code more than once, the last valid occurrence wins.""")
    @ApiResponse(responseCode = "200", description = "At least one customer was written.")
    @ApiResponse(responseCode = "422", description = "The body is not an array of 1 to 1,000 objects, or no item is"
            + " valid.", content = @Content(mediaType = "application/problem+json",
                    examples = @ExampleObject(ApiDocs.INVALID_BATCH_EXAMPLE)))
    BatchResult upsertCustomers(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = CustomerItem.class), minItems = 1,
                            maxItems = Batch.MAX_ITEMS),
                    examples = @ExampleObject(ApiDocs.CUSTOMERS_EXAMPLE)))
            @RequestBody(required = false) @Nullable JsonNode body) {
        TenantId tenant = currentUser.tenantId();
        DataScope scope = currentUser.scope();
        LocalDate today = tenants.today(tenant);
        var items = new CustomerItems(today, clock.instant(), accountManagers(tenant));
        Set<String> outOfScope = scope.all() || body == null || !body.isArray() ? Set.of()
                : queries.outOfScope(tenant, Batch.texts(body, "code"), scope);
        Batch.Read<CustomerItems.Item> read = Batch.read(body, "customer", item -> items.read(item)
                .filter(c -> inScope(c.customer(), item, scope, outOfScope).isPresent()), c -> c.customer().code());
        CustomerBulkService.Written written = bulk.upsertCustomers(tenant, read.valid().stream()
                .map(CustomerItems.Item::customer).toList(), read.valid().stream().map(CustomerItems.Item::consent)
                        .filter(Objects::nonNull).toList());
        Map<String, Integer> indexes = new HashMap<>();
        read.valid().forEach(item -> indexes.put(item.customer().code().toLowerCase(Locale.ROOT), item.index()));
        List<ItemError> warnings = written.refused().stream().map(r -> new ItemError(
                indexes.getOrDefault(r.code().toLowerCase(Locale.ROOT), -1), r.sms() ? "smsConsent" : "emailConsent",
                "was not recorded: the customer withdrew consent on this channel or the address is suppressed;"
                        + " only a user on the customer page can record consent given again")).toList();
        return read.written(written.result(), warnings);
    }

    @GetMapping("/customers/{code}")
    @Operation(summary = "A customer's profile", description = "The customer with this code (without regard to"
            + " case), with a summary of the whole order history. The code is one path segment, percent-encoded:"
            + " a code with a slash, `KH/2024/001`, is read as `/api/v1/customers/KH%2F2024%2F001`.")
    @ApiResponse(responseCode = "200", description = "The customer.")
    @ApiResponse(responseCode = "404", description = "No customer of your company has this code.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))
    CustomerResponse customer(@Parameter(example = "C10086") @PathVariable String code) {
        TenantId tenant = currentUser.tenantId();
        CustomerProfile profile = queries.byCode(tenant, code, currentUser.scope())
                .orElseThrow(() -> new NotFoundException("customer"));
        UserId manager = profile.accountManager();
        String managerEmail = manager == null ? null
                : users.findUser(tenant, manager).map(UserSummary::email).orElse(null);
        TenantProfile company = tenants.profile(tenant);
        CustomerScores segmentation = scores.orderedStream().map(source -> source.scores(tenant, profile.id()))
                .flatMap(Optional::stream).findFirst().orElse(null);
        if (segmentation != null) {
            for (CustomerPredictionSource source : predictions.orderedStream().toList()) {
                segmentation = source.addPrediction(tenant, profile.id(), segmentation);
            }
        }
        return CustomerResponse.of(profile, managerEmail, company.currency(), segmentation);
    }

    /**
     * With an account manager's token (issue 20, data scope): a colleague's customer is refused, and so is an account
     * manager (customers are taken from the pool by a claim, within its limits); a new customer goes to the pool.
     */
    private static Optional<CustomerRecord> inScope(CustomerRecord customer, ItemReader item, DataScope scope,
            Set<String> outOfScope) {
        if (scope.all()) {
            return Optional.of(customer);
        }
        if (outOfScope.contains(customer.code().toLowerCase(Locale.ROOT))) {
            item.error("code", "is another account manager's customer");
            return Optional.empty();
        }
        if (customer.accountManager() != null) {
            item.error("accountManager", "cannot be set with an account manager's token; claim from the pool");
            return Optional.empty();
        }
        return Optional.of(customer);
    }

    /** Looks up account managers by e-mail address, each address once per request. */
    private Function<String, Optional<UserId>> accountManagers(TenantId tenant) {
        Map<String, Optional<UserId>> found = new HashMap<>();
        return email -> found.computeIfAbsent(email.toLowerCase(Locale.ROOT), address -> users
                .findByEmail(tenant, address).filter(u -> u.active() && ACCOUNT_MANAGER_ROLES.contains(u.role()))
                .map(UserSummary::userId));
    }
}
