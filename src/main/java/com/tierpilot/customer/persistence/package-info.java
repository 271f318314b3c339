/**
 * Set-based and batched SQL for customers and orders, their owners and their sales states, and the intake's staging
 * tables (import_stage_*) with the set-based merge of a run's staged rows.
 */
@NullMarked
package com.tierpilot.customer.persistence;

import org.jspecify.annotations.NullMarked;
