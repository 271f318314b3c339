package com.tierpilot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.TenantLogContext;
import com.tierpilot.base.TenantOwned;
import com.tierpilot.base.security.TenantMdcFilter;
import com.tierpilot.tenant.TenantProvisioningService;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;
import org.springframework.data.repository.PagingAndSortingRepository;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules that keep TierPilot multi-tenant and layered. A query without the tenant fails the build here: every
 * repository method and every method that runs SQL must take a {@link TenantId}, or say with
 * {@link TenantAgnostic} why it does not.
 */
class ArchitectureTest {

    private static final String ROOT = "com.tierpilot";
    private static final List<Class<?>> JDBC = List.of(JdbcClient.class, JdbcTemplate.class, JdbcOperations.class,
            NamedParameterJdbcTemplate.class, NamedParameterJdbcOperations.class);

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void everyRepositoryMethodTakesTheTenantOrSaysWhyNot() {
        repositoryMethodsTakeTheTenant(ROOT).check(classes);
    }

    @Test
    void everyRepositoryQueryFiltersOnTheTenant() {
        repositoryQueriesFilterOnTheTenant(ROOT).check(classes);
    }

    @Test
    void everyMethodThatRunsSqlTakesTheTenantOrSaysWhyNot() {
        sqlRunsOnlyWithTheTenant(ROOT).check(classes);
    }

    /** The tenancy rules are only worth something if they fail on code that breaks them. */
    @Test
    void theTenancyRulesCatchQueriesWithoutTheTenant() {
        String bad = "com.example.violations";
        JavaClasses violations = new ClassFileImporter().importPackages(bad);
        assertThatThrownBy(() -> repositoryMethodsTakeTheTenant(bad).check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("findEverything");
        assertThatThrownBy(() -> repositoryQueriesFilterOnTheTenant(bad).check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("findByName");
        assertThatThrownBy(() -> sqlRunsOnlyWithTheTenant(bad).check(violations))
                .isInstanceOf(AssertionError.class).hasMessageContaining("countCustomers")
                .hasMessageNotContaining("countInTenant");
    }

    static ArchRule repositoryMethodsTakeTheTenant(String root) {
        return methods().that().areDeclaredInClassesThat().areAssignableTo(Repository.class)
                .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .should(takeTheTenant())
                .because("a repository method without the tenant could read or change another tenant's data");
    }

    static ArchRule sqlRunsOnlyWithTheTenant(String root) {
        return classes().that().resideInAPackage(root + "..").should(runSqlOnlyWithTheTenant());
    }

    static ArchRule repositoryQueriesFilterOnTheTenant(String root) {
        return methods().that().areDeclaredInClassesThat().areAssignableTo(Repository.class)
                .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and().areAnnotatedWith(Query.class)
                .and().areNotAnnotatedWith(TenantAgnostic.class)
                .should(new ArchCondition<>("filter on tenant_id in their SQL") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        String sql = method.getAnnotationOfType(Query.class).value().toLowerCase();
                        boolean filtered = sql.contains("tenant_id = :tenant")
                                || sql.contains("from tenant where id = :tenant");
                        events.add(new SimpleConditionEvent(method, filtered,
                                method.getFullName() + " queries without 'tenant_id = :tenant': " + sql));
                    }
                });
    }

    @Test
    void repositoriesDoNotInheritMethodsThatIgnoreTheTenant() {
        noClasses().that().resideInAPackage(ROOT + "..").should().beAssignableTo(CrudRepository.class)
                .orShould().beAssignableTo(ListCrudRepository.class)
                .orShould().beAssignableTo(PagingAndSortingRepository.class)
                .orShould().beAssignableTo(ListPagingAndSortingRepository.class)
                .because("findById(id) and findAll() have no tenant; declare tenant-aware methods instead")
                .check(classes);
    }

    @Test
    void viewsUseServicesNeverRepositoriesOrSql() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .orShould().dependOnClassesThat(DescribedPredicate.describe("JDBC access",
                        (JavaClass c) -> JDBC.stream().anyMatch(c::isAssignableTo)))
                .orShould().dependOnClassesThat().resideInAPackage("..persistence..")
                .check(classes);
    }

    @Test
    void viewsNeverMakeUpATenantId() {
        noClasses().that().resideInAPackage("..ui..")
                .should().callConstructor(TenantId.class, long.class)
                .orShould().callMethod(TenantId.class, "of", long.class)
                .because("the tenant comes from the signed-in user, never from a URL or a form field")
                .check(classes);
    }

    @Test
    void theTenantGoesIntoTheLogsUnderOneKeyOnly() {
        noClasses().that().doNotBelongToAnyOf(TenantLogContext.class, TenantMdcFilter.class)
                .should().callMethod(MDC.class, "put", String.class, String.class)
                .orShould().callMethod(MDC.class, "putCloseable", String.class, String.class)
                .orShould().callMethod(MDC.class, "remove", String.class)
                .because("TenantLogContext holds the MDC key of the tenant; a key typed again drifts from it")
                .check(classes);
    }

    @Test
    void viewsDoNotUseTrustedProvisioning() {
        noClasses().that().resideInAPackage("..ui..").should().dependOnClassesThat()
                .areAssignableTo(TenantProvisioningService.class).check(classes);
    }

    @Test
    void everyViewDeclaresWhoMayOpenItAndHasATitle() {
        classes().that().areAnnotatedWith(Route.class)
                .should(new ArchCondition<>("have an access annotation and a @PageTitle") {
                    @Override
                    public void check(JavaClass view, ConditionEvents events) {
                        boolean access = Set.of(PermitAll.class, RolesAllowed.class, AnonymousAllowed.class,
                                DenyAll.class).stream().anyMatch(view::isAnnotatedWith);
                        events.add(new SimpleConditionEvent(view, access && view.isAnnotatedWith(PageTitle.class),
                                view.getName() + " lacks an access annotation or @PageTitle"));
                    }
                }).check(classes);
    }

    @Test
    void servicesAreTransactional() {
        classes().that().areAnnotatedWith(Service.class).should().beAnnotatedWith(Transactional.class)
                .check(classes);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        noFields().that().areDeclaredInClassesThat().resideInAPackage(ROOT + "..")
                .should().beAnnotatedWith(Autowired.class).check(classes);
    }

    @Test
    void theDomainDoesNotDependOnTheUserInterface() {
        noClasses().that().resideInAPackage("..domain..").should().dependOnClassesThat()
                .resideInAPackage("..ui..").check(classes);
    }

    private static ArchCondition<JavaMethod> takeTheTenant() {
        return new ArchCondition<>("take a TenantId, save a TenantOwned aggregate, or be @TenantAgnostic") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean ok = takesTenant(method) || isAgnostic(method)
                        || (method.getName().startsWith("save") && method.getRawParameterTypes().stream()
                                .anyMatch(p -> p.isAssignableTo(TenantOwned.class)));
                events.add(new SimpleConditionEvent(method, ok, method.getFullName()
                        + " neither takes a TenantId nor saves a TenantOwned aggregate nor is @TenantAgnostic"));
            }
        };
    }

    private static ArchCondition<JavaClass> runSqlOnlyWithTheTenant() {
        return new ArchCondition<>("run SQL only in methods that take a TenantId or are @TenantAgnostic") {
            @Override
            public void check(JavaClass owner, ConditionEvents events) {
                for (JavaMethodCall call : owner.getMethodCallsFromSelf()) {
                    JavaClass target = call.getTargetOwner();
                    if (JDBC.stream().noneMatch(target::isAssignableTo)) {
                        continue;
                    }
                    // ArchUnit attributes a call inside a lambda to the method that declares the lambda.
                    JavaCodeUnit caller = call.getOrigin();
                    boolean ok = takesTenant(caller) || isAgnostic(caller)
                            || owner.isAnnotatedWith(TenantAgnostic.class);
                    events.add(new SimpleConditionEvent(call, ok, caller.getFullName() + " runs SQL ("
                            + call.getTarget().getName() + ") without a TenantId parameter or @TenantAgnostic"));
                }
            }
        };
    }

    private static boolean takesTenant(JavaCodeUnit unit) {
        return unit.getRawParameterTypes().stream().anyMatch(p -> p.isEquivalentTo(TenantId.class));
    }

    private static boolean isAgnostic(JavaCodeUnit unit) {
        return unit.isAnnotatedWith(TenantAgnostic.class);
    }
}
