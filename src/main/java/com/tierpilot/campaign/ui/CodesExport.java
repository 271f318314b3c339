package com.tierpilot.campaign.ui;

import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.CampaignService;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** The download of a campaign's codes as CSV ({@link CampaignService#writeCodesCsv}): one-off or always-on. */
final class CodesExport {

    private CodesExport() {
    }

    static DownloadHandler handler(CampaignService campaigns, TierPilotUser me, long campaignId) {
        return event -> {
            event.setFileName("campaign-" + campaignId + "-codes.csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                campaigns.writeCodesCsv(me.tenantId(), campaignId, out);
            }
        };
    }
}
