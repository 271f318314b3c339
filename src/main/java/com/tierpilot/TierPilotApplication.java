package com.tierpilot;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/** TierPilot: a multi-tenant customer segmentation portal. */
@SpringBootApplication
@EnableAsync
// Server-to-client over WebSocket; client-to-server over XHR, so every request passes the security filters.
@Push(transport = Transport.WEBSOCKET_XHR)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class TierPilotApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        // Instants are stored as UTC datetimes; the JVM zone must not leak into them.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        SpringApplication.run(TierPilotApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/favicon.svg", "32x32");
    }
}
