package com.tierpilot.segmentation.api;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.segmentation.AsOfRange;
import com.tierpilot.segmentation.RunStatus;
import com.tierpilot.segmentation.RunTrigger;
import com.tierpilot.segmentation.SegmentResultService;
import com.tierpilot.segmentation.SegmentSize;
import com.tierpilot.segmentation.SegmentationService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Starts recompute runs for the token's tenant, reports on them, and lists the segments of the current run. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Segmentation", description = "Recompute runs and segments.")
@SecurityRequirement(name = "bearer")
class SegmentationApiController {

    private final SegmentationService segmentation;
    private final SegmentResultService queries;
    private final CurrentUser currentUser;

    SegmentationApiController(SegmentationService segmentation, SegmentResultService queries, CurrentUser currentUser) {
        this.segmentation = segmentation;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    /** The optional body of a run request. */
    @Schema(name = "RunRequest")
    record RunRequest(@Schema(description = "Score as of this date (the orders before it count), an ISO date from"
            + " the day after your first order to tomorrow in your company's time zone; default: today there. Any"
            + " other value (a number, a date outside that range) is a 422 that names the range.", type = "string",
            format = "date", example = "2025-07-01") @Nullable JsonNode asOf) {

        /** The date asked for, null for the default; a value that is not an ISO date is refused with the range. */
        @Nullable LocalDate date(Supplier<AsOfRange> range) {
            if (asOf == null || asOf.isNull()) {
                return null;
            }
            String text = asOf.isString() ? asOf.asString() : "";
            if (!ISO_DATE.matcher(text).matches()) {
                throw range.get().refusal();
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException notADay) {
                throw range.get().refusal();
            }
        }
    }

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A recompute run. */
    @Schema(name = "Run")
    record RunResponse(long id, LocalDate asOf, @Schema(example = "API") String trigger,
            @Schema(description = "RUNNING, SUCCEEDED or FAILED.") String status,
            @Schema(description = "READING, SCORING, WRITING, COMMITTING or DONE.") String phase,
            @Schema(description = "0 to 1000.") int progressPermille, Instant startedAt, @Nullable Instant finishedAt,
            @Schema(description = "Seconds from start to end.") @Nullable Double durationSeconds, int customers,
            int customersScored, int changes, @Nullable String error) {

        static RunResponse of(RunStatus r) {
            return new RunResponse(r.id(), r.asOf(), r.trigger().name(), r.state().name(), r.phase().name(),
                    r.progressPermille(), r.startedAt(), r.finishedAt(),
                    r.duration() == null ? null : r.duration().toMillis() / 1000.0, r.customers(), r.customersScored(),
                    r.changes(), r.error());
        }
    }

    /** A segment of the current run. */
    @Schema(name = "Segment")
    record SegmentResponse(@Schema(description = "RFM, ABC, LIFECYCLE, RULE or GRADE (the prospects' A-E grade).")
            String scheme,
            @Schema(description = "The stable key, e.g. champions, A, at_risk, rule_12.") String key,
            @Schema(description = "The name of a rule segment; the key for the built-in schemes.") String name,
            int customers, BigDecimal revenue, double revenueShare, @Nullable Integer changeSincePrevious) {

        static SegmentResponse of(SegmentSize s) {
            return new SegmentResponse(s.scheme(), s.segment(), s.name(), s.customers(), s.revenue(), s.revenueShare(),
                    s.changeSincePrevious());
        }
    }

    @PostMapping(path = "/segmentation/runs")
    @Operation(summary = "Start a recompute", description = "Starts a recompute of your company's segments as of"
            + " the given date (default today) and returns its id at once; follow it with GET"
            + " /api/v1/segmentation/runs/{id}. 422 when a recompute is already running, or when asOf is not an ISO"
            + " date from the day after your first order to tomorrow (the problem's detail names the range).")
    @ApiResponse(responseCode = "202", description = "Started.")
    @ApiResponse(responseCode = "403", description = "An account manager's token: recomputes are the company's.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))
    ResponseEntity<RunResponse> start(@RequestBody(required = false) @Nullable RunRequest request) {
        TenantId tenant = currentUser.tenantId();
        companyTokenOnly();
        LocalDate asOf = request == null ? null : request.date(() -> segmentation.asOfRange(tenant));
        long run = segmentation.startRun(tenant, asOf, RunTrigger.API);
        return ResponseEntity.accepted().location(URI.create("/api/v1/segmentation/runs/" + run))
                .body(RunResponse.of(segmentation.run(tenant, run)));
    }

    @GetMapping("/segmentation/runs/{id}")
    @Operation(summary = "A recompute run", description = "Its status, progress, counts and timing.")
    @ApiResponse(responseCode = "200", description = "The run.")
    @ApiResponse(responseCode = "404", description = "No run of your company has this id.")
    @ApiResponse(responseCode = "403", description = "An account manager's token: recomputes are the company's.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(hidden = true)))
    RunResponse run(@PathVariable long id) {
        companyTokenOnly();
        return RunResponse.of(segmentation.run(currentUser.tenantId(), id));
    }

    @GetMapping("/segments")
    @Operation(summary = "Every segment", description = "Every segment of every scheme in the current run, with"
            + " its size, revenue and change since the previous run. Empty before the first recompute. With an"
            + " account manager's token, of that manager's customers and the shared pool's.")
    List<SegmentResponse> segments() {
        return queries.sizes(currentUser.tenantId(), currentUser.scope()).stream().map(SegmentResponse::of).toList();
    }

    /** Recomputes are the company's: an account manager's token is refused (issue 20, data scope), 403. */
    private void companyTokenOnly() {
        if (!currentUser.scope().all()) {
            throw new AccessDeniedException("recomputes need a company token, not an account manager's");
        }
    }
}
