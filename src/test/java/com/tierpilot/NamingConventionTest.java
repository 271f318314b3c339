package com.tierpilot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * The naming convention of docs/architecture.md: a class's name says what kind of class it is. A module's entry
 * points are {@code XxxService}, persistence is {@code XxxRepository}, read models are {@code XxxQueries}, and no
 * bean is named {@code Store}, {@code Reader}, {@code Writer} or a bare plural noun.
 */
class NamingConventionTest {

    private static final String ROOT = "com.tierpilot";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void everyServiceIsNamedXxxServiceAndLivesOutsidePersistenceAndUi() {
        servicesAreNamedService(ROOT).check(classes);
    }

    @Test
    void everyRepositoryBeanIsNamedXxxRepositoryOrXxxQueries() {
        repositoriesAreNamedRepositoryOrQueries(ROOT).check(classes);
    }

    @Test
    void aClassNamedServiceRepositoryOrQueriesIsThatKindOfBean() {
        namesPromiseTheirKind(ROOT).check(classes);
    }

    /** The rules are only worth something if they fail on code that breaks them. */
    @Test
    void theNamingRulesCatchMisnamedClasses() {
        String bad = "com.example.naming";
        JavaClasses misnamed = new ClassFileImporter().importPackages(bad);
        assertThatThrownBy(() -> servicesAreNamedService(bad).check(misnamed))
                .isInstanceOf(AssertionError.class).hasMessageContaining("com.example.naming.Vouchers");
        assertThatThrownBy(() -> repositoriesAreNamedRepositoryOrQueries(bad).check(misnamed))
                .isInstanceOf(AssertionError.class).hasMessageContaining("com.example.naming.VoucherStore");
        assertThatThrownBy(() -> namesPromiseTheirKind(bad).check(misnamed))
                .isInstanceOf(AssertionError.class).hasMessageContaining("com.example.naming.VoucherQueries");
    }

    static ArchRule servicesAreNamedService(String root) {
        return classes().that().areAnnotatedWith(Service.class).and().resideInAPackage(root + "..")
                .should().haveSimpleNameEndingWith("Service")
                .andShould().resideOutsideOfPackages("..persistence..", "..ui..", "..api..", "..web..")
                .because("a module's entry points are XxxService, at the module's root (docs/architecture.md)");
    }

    static ArchRule repositoriesAreNamedRepositoryOrQueries(String root) {
        return classes().that().areAnnotatedWith(Repository.class).and().resideInAPackage(root + "..")
                .should().haveSimpleNameEndingWith("Repository").orShould().haveSimpleNameEndingWith("Queries")
                .because("persistence is XxxRepository and read models are XxxQueries (docs/architecture.md)");
    }

    static ArchRule namesPromiseTheirKind(String root) {
        return classes().that().areNotInterfaces().and().areTopLevelClasses().and().resideInAPackage(root + "..")
                .and().areAnnotatedWith(Component.class)
                .should().haveSimpleNameNotEndingWith("Service").andShould().haveSimpleNameNotEndingWith("Repository")
                .andShould().haveSimpleNameNotEndingWith("Queries").andShould().haveSimpleNameNotEndingWith("Store")
                .andShould().haveSimpleNameNotEndingWith("Reader").andShould().haveSimpleNameNotEndingWith("Writer")
                .because("a plain @Component is a helper, not an entry point or persistence: a Service, Repository or"
                        + " Queries name promises a @Service or @Repository bean, and Store, Reader and Writer are"
                        + " the old names");
    }
}
