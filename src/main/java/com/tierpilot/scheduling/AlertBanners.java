package com.tierpilot.scheduling;

import com.tierpilot.base.Role;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.LayoutBanners;
import java.util.List;
import org.springframework.stereotype.Component;

/** Shows the owner the open run alerts in the layout, each linking to the run history. */
@Component
class AlertBanners implements LayoutBanners {

    private final RunAlertService alerts;

    AlertBanners(RunAlertService alerts) {
        this.alerts = alerts;
    }

    @Override
    public List<Banner> banners(TierPilotUser user) {
        if (user.role() != Role.OWNER) {
            return List.of();
        }
        return alerts.open(user.tenantId()).stream().limit(1).map(alert -> new Banner("run-alert-banner",
                alert.messageKey(), List.of(alert.arguments()), "runs")).toList();
    }
}
