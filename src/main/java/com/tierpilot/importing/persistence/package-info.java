/**
 * The imports' SQL: the runs with their progress and heartbeats (import_run), the remembered mappings
 * (import_mapping) and the rejected rows (import_rejection), including the set-based copy of the lines the customer
 * module's merge hands back in its published import_stage_rejection.
 */
@NullMarked
package com.tierpilot.importing.persistence;

import org.jspecify.annotations.NullMarked;
