/** Campaigns: the tables of campaigns, members, coupons, codes and redemptions. */
@NullMarked
package com.tierpilot.campaign.persistence;

import org.jspecify.annotations.NullMarked;
