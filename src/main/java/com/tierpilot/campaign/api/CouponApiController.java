package com.tierpilot.campaign.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.campaign.CouponRefusedException;
import com.tierpilot.campaign.CouponService;
import com.tierpilot.campaign.Redemption;
import com.tierpilot.campaign.RedemptionRequest;
import com.tierpilot.campaign.RefusalReason;
import com.tierpilot.campaign.Reversal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coupon redemption through the REST API: a shop's till redeems a code on an order and reverses it on a refund.
 * A refusal is a problem detail: 409 when the code's state is in the way (used up, limit reached, the order has a
 * coupon), 422 when the request itself cannot be honoured; its {@code reason} property names the reason.
 */
@RestController
@RequestMapping(path = "/api/v1/coupons", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Coupons", description = "Redeem and reverse campaign coupon codes.")
@SecurityRequirement(name = "bearer")
class CouponApiController {

    private static final Logger log = LoggerFactory.getLogger(CouponApiController.class);
    static final int TEXT_LENGTH = 64;
    static final int CATEGORY_LENGTH = 100;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final CouponService coupons;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    CouponApiController(CouponService coupons, CurrentUser currentUser, MessageSource messages) {
        this.coupons = coupons;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** A redemption request. */
    @Schema(name = "CouponRedeemRequest")
    record RedeemRequest(@Schema(example = "WB7K3M9QXA", maxLength = TEXT_LENGTH, requiredMode = REQUIRED)
            @Nullable String code,
            @Schema(example = "C10086", maxLength = TEXT_LENGTH, requiredMode = REQUIRED) @Nullable String customerCode,
            @Schema(description = "Unique per order: sending the same order again answers with the first result.",
                    example = "SO-20250301-7", maxLength = TEXT_LENGTH, requiredMode = REQUIRED)
            @Nullable String orderNo,
            @Schema(description = "The order amount before the discount, above 0 and with at most 2 decimal places.",
                    example = "199.00", exclusiveMinimum = true, minimum = "0", maximum = "999999999999.99",
                    requiredMode = REQUIRED) @Nullable BigDecimal orderAmount,
            @Schema(description = "The product category, for a coupon limited to categories.", example = "护肤",
                    maxLength = CATEGORY_LENGTH) @Nullable String category) {

        /** Whether every field is within its documented range (the coupon rules check the rest). */
        boolean withinRange() {
            return fits(code, TEXT_LENGTH) && fits(customerCode, TEXT_LENGTH) && fits(orderNo, TEXT_LENGTH)
                    && fits(category, CATEGORY_LENGTH)
                    && (orderAmount == null || orderAmount.compareTo(MAX_AMOUNT) <= 0);
        }

        private static boolean fits(@Nullable String text, int length) {
            return text == null || text.length() <= length && text.chars().noneMatch(Character::isISOControl);
        }
    }

    /** The discount given. */
    @Schema(name = "RedeemResult")
    record RedeemResult(long redemptionId, String code, String orderNo, BigDecimal orderAmount, BigDecimal discount,
            BigDecimal amountToPay,
            @Schema(description = "True when this order had redeemed this code before: nothing changed.")
            boolean repeated) {

        static RedeemResult of(Redemption r) {
            return new RedeemResult(r.id(), r.code(), r.orderNo(), r.orderAmount(), r.discount(), r.amountToPay(),
                    r.repeated());
        }
    }

    /** A reversal request. */
    @Schema(name = "ReverseRequest")
    record ReverseRequest(@Schema(example = "SO-20250301-7", maxLength = TEXT_LENGTH, requiredMode = REQUIRED)
            @Nullable String orderNo) {
    }

    /** What a reversal did. */
    @Schema(name = "ReverseResult")
    record ReverseResult(String orderNo, String code,
            @Schema(description = "True when the use was given back (the coupon is still valid).") boolean useFreed,
            @Schema(description = "True when it had been reversed before.") boolean repeated) {

        static ReverseResult of(Reversal r) {
            return new ReverseResult(r.orderNo(), r.code(), r.useFreed(), r.repeated());
        }
    }

    @PostMapping(path = "/redeem", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Redeem a code on an order", description = "Exactly once per use, however many tills try"
            + " at once; idempotent per orderNo.")
    @ApiResponse(responseCode = "200", description = "The discount; or the first answer for this order.")
    @ApiResponse(responseCode = "409", description = "Used up, a limit reached, or the order used another coupon.")
    @ApiResponse(responseCode = "422", description = "Unknown code or customer, another customer's code, not valid"
            + " now, below the minimum spend, or a category the coupon does not cover.")
    RedeemResult redeem(@RequestBody RedeemRequest request) {
        TenantId tenant = currentUser.tenantId();
        if (!request.withinRange()) {
            throw new CouponRefusedException(RefusalReason.INVALID_REQUEST);
        }
        return RedeemResult.of(coupons.redeem(tenant, currentUser.scope(), new RedemptionRequest(nonNull(request.code()),
                nonNull(request.customerCode()), nonNull(request.orderNo()),
                request.orderAmount() == null ? BigDecimal.ZERO : request.orderAmount(), request.category())));
    }

    @PostMapping(path = "/reverse", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reverse an order's redemption", description = "After a refund: the use is given back if"
            + " the coupon is still valid. Idempotent.")
    @ApiResponse(responseCode = "200", description = "Reversed, or reversed before.")
    @ApiResponse(responseCode = "404", description = "No redemption for this order number.")
    ReverseResult reverse(@RequestBody ReverseRequest request) {
        if (!RedeemRequest.fits(request.orderNo(), TEXT_LENGTH)) {
            throw new CouponRefusedException(RefusalReason.INVALID_REQUEST);
        }
        return ReverseResult.of(coupons.reverse(currentUser.tenantId(), currentUser.scope(),
                nonNull(request.orderNo())));
    }

    @ExceptionHandler
    ProblemDetail refused(CouponRefusedException e) {
        HttpStatus status = e.reason().conflict() ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        log.info("Coupon refused: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), Locale.ENGLISH));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("reason", e.reason().name());
        return problem;
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }
}
