package com.tierpilot;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The feature modules depend on each other only through their public APIs, as declared, and without cycles. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(TierPilotApplication.class);

    @Test
    void featureModulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void theModuleDocumentationIsWritten() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
