/**
 * The sales module's SQL: follow-up logs, the shared pool's watches and notices and its rules, the prospects' grades
 * and the sales settings.
 */
@NullMarked
package com.tierpilot.sales.persistence;

import org.jspecify.annotations.NullMarked;
