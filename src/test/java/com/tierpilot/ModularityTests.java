package com.tierpilot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.modules.FixtureApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/** The feature modules depend on each other only through their public APIs, as declared, and without cycles. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(TierPilotApplication.class);

    @Test
    void featureModulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    /**
     * The rule finds what it is meant to find, on a deliberately broken example (com.example.modules): a dependency
     * not declared, the use of another module's internal type, and a cycle.
     */
    @Test
    void undeclaredDependenciesInternalTypesAndCyclesAreReported() {
        assertThatThrownBy(() -> ApplicationModules.of(FixtureApplication.class, location -> true).verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("com.example.modules.loyalty.internal.PointsLedger")
                .hasMessageContaining("Module 'orders' depends on module 'loyalty'");
    }

    @Test
    void theModuleDocumentationIsWritten() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
