/**
 * Delivery of campaign messages to customers: one {@link com.tierpilot.delivery.Channel} adapter per provider
 * (Alibaba Cloud SMS and Tencent Cloud SMS through their documented HTTP APIs and request signing), and each
 * company's delivery settings: provider keys stored encrypted with AES-GCM under the platform key (never shown again
 * in full), sign name, quiet hours, the weekly cap and the price per SMS part, with a "send test message".
 *
 * <p>The platform key comes from {@code tierpilot.delivery.secret-key} (environment {@code TIERPILOT_DELIVERY_KEY},
 * 32 random bytes in Base64). Without it, the default (demo) profile generates a development key once into
 * {@code tierpilot.delivery.dev-key-file} ({@code ./data/delivery-dev.key}); the mysql profile has no such file, so
 * a provider key cannot be saved there until the operator sets the platform key (deploy/README.md).
 */
@ApplicationModule(displayName = "Message delivery", allowedDependencies = {"base", "tenant", "customer"})
@NullMarked
package com.tierpilot.delivery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
