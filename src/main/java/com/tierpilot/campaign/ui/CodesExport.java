package com.tierpilot.campaign.ui;

import com.tierpilot.base.SpreadsheetCells;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.campaign.Campaigns;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A campaign's codes as CSV (UTF-8 with a BOM, for Excel and WPS), for SMS or WeChat: one-off or always-on. */
final class CodesExport {

    private CodesExport() {
    }

    static DownloadHandler handler(Campaigns campaigns, TierPilotUser me, long campaignId) {
        return event -> {
            event.setFileName("campaign-" + campaignId + "-codes.csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                out.write('\ufeff');
                out.write("code,customer_code,customer_name,uses\n");
                campaigns.forEachCode(me.tenantId(), campaignId, k -> {
                    try {
                        out.write(csv(k.code()) + "," + csv(k.customerCode()) + "," + csv(k.customerName()) + ","
                                + k.uses() + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
    }

    private static String csv(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String safe = Objects.requireNonNull(SpreadsheetCells.safe(value));
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
