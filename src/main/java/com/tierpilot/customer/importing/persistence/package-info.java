/**
 * The imports' SQL: the runs and their remembered mappings (import_run, import_mapping, import_rejection), the
 * staging tables that a file is streamed into (batched inserts or {@code LOAD DATA LOCAL INFILE}), and the set-based
 * merge of one run's staged rows into customers and orders.
 */
@NullMarked
package com.tierpilot.customer.importing.persistence;

import org.jspecify.annotations.NullMarked;
