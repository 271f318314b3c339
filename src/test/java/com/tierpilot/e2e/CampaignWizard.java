package com.tierpilot.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The campaign wizard, as a marketer drives it. */
final class CampaignWizard {

    private CampaignWizard() {
    }

    /** Opens a new campaign in the wizard, names it and aims it at one segment (picked by its label). */
    static void start(Page page, String campaignsUrl, String name, String segment) {
        page.navigate(campaignsUrl);
        page.locator("#campaign-new").click();
        page.locator("#campaign-name input").fill(name);
        page.locator("#campaign-include input").fill(segment);
        page.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText(segment))
                .first().click();
        page.keyboard().press("Escape");
    }
}
