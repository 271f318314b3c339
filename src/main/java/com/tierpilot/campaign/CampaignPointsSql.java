package com.tierpilot.campaign;

/**
 * The bonus points a campaign's members got, for the campaign's cost, contributed by the loyalty module, which owns
 * the points ledger and depends on this module (docs/architecture.md): campaign runs the results' SQL but does not
 * name the ledger's table, which would be a dependency cycle hidden in SQL.
 */
public interface CampaignPointsSql {

    /**
     * A scalar subquery: the bonus points that the campaign whose id is the SQL expression {@code campaignId} booked
     * for the customer {@code customerId} of the tenant {@code tenantId}, from {@code from} (inclusive) until
     * {@code until} (exclusive); all four are SQL expressions of the enclosing query, never user text.
     */
    String bonusPoints(String tenantId, String customerId, String campaignId, String from, String until);
}
