package com.tierpilot.base;

import java.time.Instant;

/**
 * Published, inside the removing transaction, when a company removes the sample data it loaded (issue 17, item 5).
 * Each module deletes its own rows that hang off the sample customers ({@code customer.sample}) and the results of
 * the recomputes that scored them: runs numbered from {@code firstRunId} on (the recompute that the load opened before
 * writing the sample, recorded by its id; {@link Long#MAX_VALUE} when none was), and what was computed from
 * {@code loadedAt} on. The customers
 * module deletes the customers and their orders after every listener has run.
 */
public record SampleDataRemoval(TenantId tenant, Instant loadedAt, long firstRunId) {
}
