/**
 * The REST ingestion API v1 under {@code /api/v1}, for shop systems and integrators: batch upserts of customers and
 * orders, and a customer's profile. Requests are authenticated by an API token (see
 * {@code api.ApiSecurityConfig}); the tenant comes only from the token. Items are read field by field so
 * that every problem of every item is reported at once; errors are RFC 9457 problem details.
 */
@NullMarked
package com.tierpilot.customer.api;

import org.jspecify.annotations.NullMarked;
