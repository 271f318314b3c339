/** Campaigns: the coupon redemption REST API. */
@NullMarked
package com.tierpilot.campaign.api;

import org.jspecify.annotations.NullMarked;
