/**
 * The ledger and balance tables, the programme and its multipliers, rewards, member tiers, the campaign bonus
 * points that campaign results count, and the sample-data removal of this module's rows.
 */
@NullMarked
package com.tierpilot.loyalty.persistence;

import org.jspecify.annotations.NullMarked;
