/**
 * What every module's persistence shares: the JDBC configuration, the database dialect (H2 or MariaDB/MySQL),
 * timestamps with fractional seconds, bulk loading (batched inserts, or {@code LOAD DATA LOCAL INFILE} on MariaDB)
 * and the set-based deletes with which each module removes its sample rows.
 */
@NullMarked
package com.tierpilot.base.persistence;

import org.jspecify.annotations.NullMarked;
