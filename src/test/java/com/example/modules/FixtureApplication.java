package com.example.modules;

import org.springframework.modulith.Modulithic;

/**
 * A deliberately broken example for ModularityTests: the root of two modules whose dependencies break the rules
 * that TierPilot's modules follow. {@code orders} declares no dependency yet calls {@code loyalty}, and reaches into
 * its internal package; {@code loyalty} calls {@code orders} back, closing a cycle.
 */
@Modulithic
public final class FixtureApplication {

    private FixtureApplication() {
    }
}
