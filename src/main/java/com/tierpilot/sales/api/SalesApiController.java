package com.tierpilot.sales.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerType;
import com.tierpilot.customer.SalesNeed;
import com.tierpilot.customer.SalesSource;
import com.tierpilot.customer.SalesStage;
import com.tierpilot.customer.SalesState;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.sales.GradeResult;
import com.tierpilot.sales.ProspectGradeService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's sales state (stage, expected close, deal size, need, type, next follow-up) and A-E grade. */
@RestController
@RequestMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sales state", description = "Where each customer stands in the sale, and the nightly A-E grade.")
@SecurityRequirement(name = "bearer")
class SalesApiController {

    private final SalesStateService states;
    private final ProspectGradeService grades;
    private final CustomerProfileService customers;
    private final CurrentUser currentUser;

    SalesApiController(SalesStateService states, ProspectGradeService grades, CustomerProfileService customers,
            CurrentUser currentUser) {
        this.states = states;
        this.grades = grades;
        this.customers = customers;
        this.currentUser = currentUser;
    }

    /** The sales state to set: every field replaces the stored one, an absent field clears it. */
    @Schema(name = "SalesStateRequest")
    record SalesStateRequest(
            @Schema(description = "The stage of the sale.") @Nullable SalesStage stage,
            @Schema(description = "Why the customer was lost; required with stage LOST, ignored otherwise.",
                    example = "Chose a competitor", maxLength = SalesStateService.MAX_REASON_LENGTH) @Nullable String lostReason,
            @Schema(description = "The expected close date.", example = "2027-02-15") @Nullable LocalDate expectedCloseOn,
            @Schema(description = "The expected deal size, in the company's currency.", example = "50000.00",
                    minimum = "0", maximum = "999999999999") @Nullable BigDecimal expectedDealSize,
            @Schema(description = "NOW: a clear need; FUTURE: a potential need; NONE: no need.") @Nullable SalesNeed need,
            @Schema(description = "The customer type, from ideal to avoid.") @Nullable CustomerType customerType,
            @Schema(description = "When to follow up next.", example = "2026-12-20") @Nullable LocalDate nextFollowUpOn) {

        SalesState toState() {
            return new SalesState(stage, lostReason, expectedCloseOn, expectedDealSize, need, customerType,
                    nextFollowUpOn);
        }
    }

    /** A customer's sales state and grade. */
    @Schema(name = "SalesStateResponse")
    record SalesStateResponse(@Schema(example = "C10086", requiredMode = REQUIRED) String customerCode,
            @Nullable SalesStage stage, @Nullable String lostReason, @Nullable LocalDate expectedCloseOn,
            @Nullable BigDecimal expectedDealSize, @Nullable SalesNeed need, @Nullable CustomerType customerType,
            @Nullable LocalDate nextFollowUpOn,
            @Schema(description = "The A-E grade as last computed (every night, and on a change on screen); absent"
                    + " for signed customers and customers without a sales state.", allowableValues = {"A", "B",
                        "C", "D", "E"}) @Nullable String grade,
            @Schema(description = "True when the expected close date had passed when the grade was computed.",
                    requiredMode = REQUIRED) boolean closeOverdue,
            @Schema(description = "The day the grade was computed.") @Nullable LocalDate gradedOn) {

        static SalesStateResponse of(String code, SalesState s, Optional<GradeResult> grade) {
            return new SalesStateResponse(code, s.stage(), s.lostReason(), s.expectedCloseOn(), s.expectedDealSize(),
                    s.need(), s.customerType(), s.nextFollowUpOn(), grade.map(g -> g.grade().name()).orElse(null),
                    grade.map(GradeResult::closeOverdue).orElse(false), grade.map(GradeResult::gradedOn).orElse(null));
        }
    }

    @GetMapping("/{code}/sales")
    @Operation(summary = "A customer's sales state", description = "The stage, expected close date and deal size,"
            + " need, customer type, next follow-up date and the A-E grade. A code with a slash is sent"
            + " percent-encoded as one segment: `KH%2F2024%2F001`.")
    @ApiResponse(responseCode = "200", description = "The customer's sales state.")
    @ApiResponse(responseCode = "404", description = "No customer of your company has this code.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))
    SalesStateResponse salesState(@Parameter(example = "C10086") @PathVariable String code) {
        TenantId tenant = currentUser.tenantId();
        long customer = customerId(tenant, code);
        return SalesStateResponse.of(code, states.find(tenant, customer), grades.find(tenant, customer));
    }

    @PutMapping(path = "/{code}/sales", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set a customer's sales state", description = "Replaces the whole sales state (an absent"
            + " field is cleared); each changed field is recorded in the customer's history, with the API as its"
            + " source. The grade is computed again at once.")
    @ApiResponse(responseCode = "200", description = "The sales state as stored, with its new grade.")
    @ApiResponse(responseCode = "404", description = "No customer of your company has this code.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))
    @ApiResponse(responseCode = "422", description = "A stage LOST without its reason, a deal size out of range, or"
            + " a value of the wrong kind.", content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(hidden = true)))
    SalesStateResponse setSalesState(@Parameter(example = "C10086") @PathVariable String code,
            @RequestBody SalesStateRequest request) {
        TenantId tenant = currentUser.tenantId();
        long customer = customerId(tenant, code);
        states.update(tenant, customer, request.toState(), SalesSource.API, null);
        Optional<GradeResult> grade = grades.regradeOne(tenant, customer);
        return SalesStateResponse.of(code, states.find(tenant, customer), grade);
    }

    private long customerId(TenantId tenant, String code) {
        // An account manager's token reaches their own and the pool's customers only (issue 20, data scope).
        return customers.byCode(tenant, code, currentUser.scope()).orElseThrow(() -> new NotFoundException("customer"))
                .id();
    }
}
