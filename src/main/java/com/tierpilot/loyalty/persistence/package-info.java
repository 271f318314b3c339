/** The ledger and balance tables. */
@NullMarked
package com.tierpilot.loyalty.persistence;

import org.jspecify.annotations.NullMarked;
