/**
 * Campaigns: the tables of campaigns, members, coupons, codes and redemptions, of always-on campaigns and their
 * entries and steps, and the sample-data removal of this module's rows.
 */
@NullMarked
package com.tierpilot.campaign.persistence;

import org.jspecify.annotations.NullMarked;
