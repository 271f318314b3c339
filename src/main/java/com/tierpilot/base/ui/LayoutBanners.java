package com.tierpilot.base.ui;

import com.tierpilot.base.security.TierPilotUser;
import java.util.List;

/**
 * Messages a feature wants the signed-in user to see on every screen, above the view (SPI; the scheduling module's
 * run alerts are one). The layout translates the key with its arguments and links to {@code route}.
 */
public interface LayoutBanners {

    List<Banner> banners(TierPilotUser user);

    record Banner(String id, String messageKey, List<Object> arguments, String route) {
    }
}
