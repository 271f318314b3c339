package com.tierpilot.loyalty.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.loyalty.PointsBalance;
import com.tierpilot.loyalty.PointsEntry;
import com.tierpilot.loyalty.LoyaltyTierService;
import com.tierpilot.loyalty.PointsLedgerService;
import com.tierpilot.loyalty.PointsPosting;
import com.tierpilot.loyalty.PointsReason;
import com.tierpilot.loyalty.Reward;
import com.tierpilot.loyalty.RewardRedemption;
import com.tierpilot.loyalty.RewardService;
import com.tierpilot.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Loyalty through the REST API: award or take points idempotently, read a customer's points, list the rewards on
 * offer and redeem one.
 */
@RestController
@RequestMapping(path = "/api/v1/loyalty", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Loyalty", description = "Points ledger, balances and the rewards catalogue.")
@SecurityRequirement(name = "bearer")
class LoyaltyApiController {

    private static final int RECENT = 20;

    private static final int CATALOGUE = 500;
    static final int CODE_LENGTH = 64;
    static final int KEY_LENGTH = 100;
    static final int REFERENCE_LENGTH = 64;
    static final int MAX_CHANGE = 1_000_000;
    /** Points may expire at most this many years ahead. */
    static final int EXPIRY_YEARS = 10;

    private final PointsLedgerService ledger;
    private final RewardService rewards;
    private final LoyaltyTierService tiers;
    private final CustomerProfileService customers;
    private final CurrentUser currentUser;
    private final TenantService tenants;

    LoyaltyApiController(PointsLedgerService ledger, RewardService rewards, LoyaltyTierService tiers, CustomerProfileService customers,
            CurrentUser currentUser, TenantService tenants) {
        this.ledger = ledger;
        this.rewards = rewards;
        this.tiers = tiers;
        this.customers = customers;
        this.currentUser = currentUser;
        this.tenants = tenants;
    }

    /** A reward on offer. */
    @Schema(name = "Reward")
    record RewardItem(long id, String name, @Nullable String description, int pointsCost,
            @Schema(description = "How many are left; absent when there is no limit.") @Nullable Integer remaining) {

        static RewardItem of(Reward r) {
            return new RewardItem(r.id(), r.name(), r.description(), r.pointsCost(), r.remaining());
        }
    }

    /** A redemption of a reward. */
    @Schema(name = "RewardRedeemRequest")
    record RedeemRequest(@Schema(example = "C10086", maxLength = CODE_LENGTH, requiredMode = REQUIRED)
            @Nullable String customerCode,
            @Schema(description = "Unique per redemption in your company: sending the same key again redeems"
                    + " nothing more and answers with the first redemption.", example = "till-3:receipt-8812",
                    minLength = 1, maxLength = KEY_LENGTH, requiredMode = REQUIRED) @Nullable String idempotencyKey) {
    }

    /** What a redemption did. */
    @Schema(name = "RedemptionResult")
    record RedemptionResult(long redemptionId, long rewardId, String reward, int points,
            @Schema(description = "True when the key had been used: nothing changed this time.") boolean repeated,
            int balance) {
    }

    /** A change of a customer's points. */
    @Schema(name = "PointsRequest")
    record PointsRequest(@Schema(example = "C10086", maxLength = CODE_LENGTH, requiredMode = REQUIRED)
            @Nullable String customerCode,
            @Schema(description = "Points to add (positive) or to take (negative); never 0. A balance holds at most"
                    + " 1,000,000,000 points.", example = "120", minimum = "-1000000", maximum = "1000000",
                    requiredMode = REQUIRED) @Nullable Integer points,
            @Schema(description = "Why; any case. Default MANUAL.", defaultValue = "MANUAL",
                    allowableValues = {"ORDER", "BIRTHDAY", "CAMPAIGN", "MANUAL", "REWARD", "ADJUSTMENT"})
            @Nullable String reason,
            @Schema(description = "An order number, campaign or reward this is for.", example = "SO-20250301-7",
                    maxLength = REFERENCE_LENGTH) @Nullable String reference,
            @Schema(description = "Unique per change in your company: sending the same key again changes nothing"
                    + " and answers with the first result.", example = "order:SO-20250301-7", minLength = 1,
                    maxLength = KEY_LENGTH, requiredMode = REQUIRED) @Nullable String idempotencyKey,
            @Schema(description = "When added points expire: a date from tomorrow to 10 years ahead, in your"
                    + " company's time zone. Not for points taken.", example = "2026-12-31") @Nullable LocalDate expiresOn) {
    }

    /** What a change did. */
    @Schema(name = "PointsResult")
    record PointsResult(long entryId, int points,
            @Schema(description = "True when the key had been used: nothing changed this time.") boolean repeated,
            int balance, @Schema(description = "Points taken back by refunds after they were spent.") int debt) {

        static PointsResult of(PointsPosting p) {
            return new PointsResult(p.entryId(), p.points(), p.repeated(), p.balance().points(), p.balance().debt());
        }
    }

    /** A customer's points. */
    @Schema(name = "CustomerPoints")
    record CustomerPoints(String customerCode, int balance, int debt,
            @Schema(description = "The member tier; absent when the customer has none.") @Nullable Tier tier,
            List<Entry> recentEntries) {
    }

    /** A member tier held. */
    @Schema(name = "MemberTier")
    record Tier(String name, LocalDate since,
            @Schema(description = "Below the tier's threshold at the last review: goes down at the next one.")
            boolean inGrace, @Nullable String benefits) {
    }

    /** One ledger entry. */
    @Schema(name = "PointsEntry")
    record Entry(long id, int points, String reason, @Nullable String reference, String idempotencyKey,
            @Nullable LocalDate expiresOn, Instant createdAt) {

        static Entry of(PointsEntry e) {
            return new Entry(e.id(), e.points(), e.reason().name(), e.reference(), e.idempotencyKey(),
                    e.expiresOn(), e.createdAt());
        }
    }

    @PostMapping(path = "/points", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add or take points", description = "Adds points (they settle any debt first) or takes"
            + " them (422 when the balance does not cover them, and nothing changes). Idempotent per key.")
    @ApiResponse(responseCode = "200", description = "Done, or done before with this key.")
    @ApiResponse(responseCode = "404", description = "No customer of your company has this code.")
    @ApiResponse(responseCode = "422", description = "Invalid request, too few points, or a key used for another"
            + " customer.")
    PointsResult points(@RequestBody PointsRequest request) {
        TenantId tenant = currentUser.tenantId();
        Integer points = request.points();
        if (request.customerCode() == null || request.customerCode().length() > CODE_LENGTH || points == null
                || points == 0 || Math.abs((long) points) > MAX_CHANGE) {
            throw new UserFacingException("loyalty.error.pointsRange", MAX_CHANGE);
        }
        if (request.reference() != null && request.reference().length() > REFERENCE_LENGTH) {
            throw new UserFacingException("loyalty.error.reference", REFERENCE_LENGTH);
        }
        LocalDate expiresOn = request.expiresOn();
        if (expiresOn != null) {
            LocalDate today = tenants.today(tenant);
            LocalDate first = today.plusDays(1);
            LocalDate last = today.plusYears(EXPIRY_YEARS);
            if (points < 0 || expiresOn.isBefore(first) || expiresOn.isAfter(last)) {
                throw new UserFacingException("loyalty.error.expiresOn", first.toString(), last.toString());
            }
        }
        long customer = customerId(tenant, request.customerCode());
        PointsReason reason = reason(request.reason());
        String key = request.idempotencyKey() == null ? "" : request.idempotencyKey();
        PointsPosting posting = points > 0
                ? ledger.award(tenant, customer, points, reason, request.reference(), key, expiresOn)
                : ledger.spend(tenant, customer, -points, reason, request.reference(), key);
        return PointsResult.of(posting);
    }

    @GetMapping("/customers/{code}")
    @Operation(summary = "A customer's points", description = "The balance, the debt, the member tier and the latest 20"
            + " entries. A code with a slash is sent percent-encoded as one segment: `KH%2F2024%2F001`.")
    @ApiResponse(responseCode = "200", description = "The customer's points.")
    @ApiResponse(responseCode = "404", description = "No customer of your company has this code.")
    CustomerPoints customer(@Parameter(example = "C10086") @PathVariable String code) {
        TenantId tenant = currentUser.tenantId();
        long customer = customerId(tenant, code);
        PointsBalance balance = ledger.balance(tenant, customer);
        Tier tier = tiers.of(tenant, customer).map(t -> new Tier(t.tier().name(), t.since(), t.inGrace(),
                t.tier().benefits())).orElse(null);
        return new CustomerPoints(code, balance.points(), balance.debt(), tier,
                ledger.latest(tenant, customer, RECENT).stream().map(Entry::of).toList());
    }

    @GetMapping("/rewards")
    @Operation(summary = "The rewards on offer", description = "The catalogue by name (at most 500).")
    List<RewardItem> rewards() {
        return rewards.page(currentUser.tenantId(), true, 0, CATALOGUE).stream().map(RewardItem::of).toList();
    }

    @PostMapping(path = "/rewards/{id}/redeem", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Redeem a reward", description = "Takes one item of stock and the reward's points from the"
            + " customer, exactly once per idempotency key, however many redemptions arrive at once.")
    @ApiResponse(responseCode = "200", description = "Redeemed, or redeemed before with this key.")
    @ApiResponse(responseCode = "404", description = "No reward or customer of your company has this id or code.")
    @ApiResponse(responseCode = "409", description = "Out of stock, no longer offered, or too few points.")
    @ApiResponse(responseCode = "422", description = "Invalid request, or a key used for another redemption.")
    RedemptionResult redeem(@PathVariable long id, @RequestBody RedeemRequest request) {
        TenantId tenant = currentUser.tenantId();
        if (request.customerCode() == null || request.customerCode().length() > CODE_LENGTH) {
            throw new UserFacingException("loyalty.error.customer");
        }
        long customer = customerId(tenant, request.customerCode());
        RewardRedemption done = rewards.redeem(tenant, id, customer,
                request.idempotencyKey() == null ? "" : request.idempotencyKey(), null);
        return new RedemptionResult(done.id(), done.rewardId(), done.rewardName(), done.points(), done.repeated(),
                done.balance().points());
    }

    private long customerId(TenantId tenant, String code) {
        // An account manager's token reaches their own and the pool's customers only (issue 20, data scope).
        return customers.byCode(tenant, code, currentUser.scope()).orElseThrow(() -> new NotFoundException("customer"))
                .id();
    }

    private static PointsReason reason(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return PointsReason.MANUAL;
        }
        try {
            PointsReason reason = PointsReason.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
            if (reason == PointsReason.REFUND || reason == PointsReason.EXPIRY) {
                throw new UserFacingException("loyalty.error.reason");
            }
            return reason;
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("loyalty.error.reason");
        }
    }
}
