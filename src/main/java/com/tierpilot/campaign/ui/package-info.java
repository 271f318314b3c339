/** Campaigns: the campaign list, wizard, detail and results screens, the staff redemption screen, and the customer page section. */
@NullMarked
package com.tierpilot.campaign.ui;

import org.jspecify.annotations.NullMarked;
