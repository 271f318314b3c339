package com.tierpilot;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.ApplicationModule;

/**
 * The module boundaries hold in SQL as they do in Java imports. Every table belongs to one module, as
 * {@code docs/architecture.md} lists it; this test parses the SQL in the code (string literals and text blocks) and in
 * the migrations and fails when a module writes a table of another module, reads one that its owner has not published,
 * reads one of a module it may not depend on, or when the module dependencies close a cycle.
 */
class SqlOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/com/tierpilot");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");

    /** A row of the ownership table: | `table` | module | published or not |. */
    private static final Pattern OWNERSHIP_ROW = Pattern.compile("^\\|\\s*`([a-z0-9_]+)`\\s*\\|\\s*([a-z]+)\\s*\\|\\s*(.*?)\\|\\s*$");
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern TABLE_ANNOTATION = Pattern.compile("@Table\\(\"([a-z0-9_]+)\"\\)");
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(insert\\s+into|replace\\s+into|merge\\s+into|delete\\s+from|truncate\\s+table|alter\\s+table|update|from|join)"
                    + "\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_TABLE = Pattern.compile("alter\\s+table\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REFERENCES = Pattern.compile("references\\s+([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, Owner> owners = readOwners();

    record Owner(String module, boolean published) {
    }

    record Access(String module, String file, String table, boolean write) {
    }

    @Test
    void everyTableOfTheMigrationsHasExactlyOneOwnerInTheArchitectureDocument() {
        assertThat(ownershipGaps(migrationTables().keySet(), owners))
                .as("the tables of docs/architecture.md (section \"Tables and their owners\") are the tables that the "
                        + "migrations create; add a row | `table` | module | ... | for a new table")
                .isEmpty();
        assertThat(owners.values()).extracting(Owner::module).allSatisfy(module -> assertThat(modules())
                .as("a table's owner is a module").contains(module));
    }

    @Test
    void noModuleWritesATableOfAnotherModule() {
        assertThat(writesOfOtherModulesTables(accesses(), owners)).isEmpty();
    }

    @Test
    void aModuleReadsAnotherModulesTableOnlyWhenItsOwnerPublishesItAndTheModuleMayDependOnTheOwner() {
        assertThat(forbiddenReads(accesses(), owners, allowedDependencies())).isEmpty();
    }

    @Test
    void aForeignKeyOfTheMigrationsPointsOnlyAtTheOwnModuleOrOneItMayDependOn() {
        assertThat(forbiddenForeignKeys(migrationReferences(), owners, allowedDependencies())).isEmpty();
    }

    @Test
    void theDeclaredModuleDependenciesHaveNoCycleSoNeitherJavaNorSqlCanCloseOne() {
        assertThat(cycles(allowedDependencies())).as("cycles among the modules' allowedDependencies").isEmpty();
    }

    // Each rule shown to fail on a deliberately broken example: a small world of three modules, where campaign may
    // depend on customer, and loyalty on customer and campaign; customer publishes customer_order, loyalty keeps
    // loyalty_entry to itself.

    private static final Map<String, Owner> FIXTURE_OWNERS = Map.of("customer_order", new Owner("customer", true),
            "customer_note", new Owner("customer", false), "campaign_member", new Owner("campaign", false),
            "loyalty_entry", new Owner("loyalty", false));
    private static final Map<String, Set<String>> FIXTURE_ALLOWED = Map.of("customer", Set.of(),
            "campaign", Set.of("customer"), "loyalty", Set.of("customer", "campaign"));

    @Test
    void aTableThatNoModuleOwnsAndAnOwnerRowWithoutATableAreReported() {
        assertThat(ownershipGaps(Set.of("customer_order", "customer_note", "campaign_member", "voucher"),
                FIXTURE_OWNERS)).containsExactly("loyalty_entry has an owner but no migration creates it",
                "voucher has no owner");
    }

    @Test
    void aWriteToAnotherModulesTableIsReported() {
        List<Access> sql = scan("campaign", "CampaignPoints.java", """
                String s = "insert into loyalty_entry (customer_id, points) select customer_id, 10 from campaign_member";
                """, FIXTURE_OWNERS);
        assertThat(writesOfOtherModulesTables(sql, FIXTURE_OWNERS)).containsExactly("CampaignPoints.java (campaign)"
                + " writes loyalty_entry, which belongs to loyalty: call that module's service instead");
    }

    @Test
    void aReadOfAnUnpublishedTableAndAReadAlongAnUndeclaredDependencyAreReported() {
        List<Access> sql = new ArrayList<>(scan("campaign", "Audience.java", """
                String s = \"\"\"
                    select o.customer_id from customer_order o
                      join customer_note n on n.customer_id = o.customer_id\"\"\";
                """, FIXTURE_OWNERS));
        sql.addAll(scan("customer", "Orders.java", "String s = \"select 1 from campaign_member\";", FIXTURE_OWNERS));
        assertThat(forbiddenReads(sql, FIXTURE_OWNERS, FIXTURE_ALLOWED)).containsExactly(
                "Audience.java (campaign) reads customer_note, which customer keeps to itself: use that module's"
                        + " service or a table it publishes",
                "Orders.java (customer) reads campaign_member of campaign, a module it may not depend on"
                        + " (allowedDependencies [])",
                "Orders.java (customer) reads campaign_member, which campaign keeps to itself: use that module's"
                        + " service or a table it publishes");
    }

    @Test
    void aForeignKeyToAModuleThatMayNotBeDependedOnIsReported() {
        assertThat(forbiddenForeignKeys(Map.of("customer_order", Set.of("loyalty_entry"), "loyalty_entry",
                Set.of("customer_order")), FIXTURE_OWNERS, FIXTURE_ALLOWED))
                .containsExactly("customer_order (customer) references loyalty_entry of loyalty");
    }

    @Test
    void aCycleAmongTheDeclaredDependenciesIsReported() {
        Map<String, Set<String>> withCycle = new TreeMap<>(FIXTURE_ALLOWED);
        withCycle.put("customer", Set.of("loyalty"));
        assertThat(cycles(withCycle)).contains(List.of("customer", "loyalty", "customer"),
                List.of("campaign", "customer", "loyalty", "campaign"));
        assertThat(cycles(FIXTURE_ALLOWED)).isEmpty();
    }

    /** Tables the migrations create without an owner, and owners of tables that no migration creates. */
    private static List<String> ownershipGaps(Set<String> created, Map<String, Owner> owners) {
        List<String> gaps = new ArrayList<>();
        created.stream().filter(t -> !owners.containsKey(t)).forEach(t -> gaps.add(t + " has no owner"));
        owners.keySet().stream().filter(t -> !created.contains(t))
                .forEach(t -> gaps.add(t + " has an owner but no migration creates it"));
        return gaps.stream().sorted().toList();
    }

    private static List<String> writesOfOtherModulesTables(List<Access> accesses, Map<String, Owner> owners) {
        return accesses.stream()
                .filter(a -> a.write() && !ownerOf(owners, a.table()).module().equals(a.module()))
                .map(a -> a.file() + " (" + a.module() + ") writes " + a.table() + ", which belongs to "
                        + ownerOf(owners, a.table()).module() + ": call that module's service instead")
                .distinct().sorted().toList();
    }

    private static List<String> forbiddenReads(List<Access> accesses, Map<String, Owner> owners,
            Map<String, Set<String>> allowed) {
        List<String> violations = new ArrayList<>();
        for (Access a : accesses) {
            Owner owner = ownerOf(owners, a.table());
            if (a.write() || owner.module().equals(a.module())) {
                continue;
            }
            if (!owner.published()) {
                violations.add(a.file() + " (" + a.module() + ") reads " + a.table() + ", which " + owner.module()
                        + " keeps to itself: use that module's service or a table it publishes");
            }
            if (!allowed.get(a.module()).contains(owner.module())) {
                violations.add(a.file() + " (" + a.module() + ") reads " + a.table() + " of " + owner.module()
                        + ", a module it may not depend on (allowedDependencies " + allowed.get(a.module()) + ")");
            }
        }
        return violations.stream().distinct().sorted().toList();
    }

    private static List<String> forbiddenForeignKeys(Map<String, Set<String>> references, Map<String, Owner> owners,
            Map<String, Set<String>> allowed) {
        List<String> violations = new ArrayList<>();
        references.forEach((table, targets) -> {
            String module = ownerOf(owners, table).module();
            for (String target : targets) {
                String targetModule = ownerOf(owners, target).module();
                if (!targetModule.equals(module) && !allowed.get(module).contains(targetModule)) {
                    violations.add(table + " (" + module + ") references " + target + " of " + targetModule);
                }
            }
        });
        return violations.stream().sorted().toList();
    }

    private static List<List<String>> cycles(Map<String, Set<String>> allowed) {
        List<List<String>> cycles = new ArrayList<>();
        for (String start : new TreeSet<>(allowed.keySet())) {
            findCycle(start, allowed, new ArrayList<>(List.of(start)), cycles);
        }
        return cycles;
    }

    @Test
    void sqlRunsOnlyInPersistencePackages() {
        assertThat(classesRunningSqlOutsidePersistence(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.tierpilot")))
                .as("classes running SQL outside a persistence package: move the SQL into the module's "
                        + "persistence package (docs/architecture.md, Persistence)")
                .isEmpty();
    }

    /** The rule finds what it is meant to find: a service that runs SQL itself (a fixture in com.example.sql). */
    @Test
    void aServiceRunningSqlOutsidePersistenceIsReported() {
        assertThat(classesRunningSqlOutsidePersistence(new ClassFileImporter().importPackages("com.example.sql")))
                .containsExactly("com.example.sql.VoucherReportService");
    }

    private static Set<String> classesRunningSqlOutsidePersistence(
            com.tngtech.archunit.core.domain.JavaClasses classes) {
        return classes.stream()
                .filter(c -> !c.getPackageName().contains(".persistence"))
                .filter(SqlOwnershipTest::runsSql)
                .map(c -> c.getName().replaceFirst("\\$.*", ""))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The rule finds what it is meant to find: a read of an unpublished table of another module is reported. */
    @Test
    void theScannerFindsReadsAndWritesInTextBlocksAndConcatenations() {
        List<Access> found = scan("campaign", "X.java", """
                String a = \"\"\"
                    insert into campaign_member (id) select c.id from customer c
                      join customer_segment s on s.customer_id = c.id\"\"\";
                String b = "delete from coupon where id in (select id" + " from loyalty_entry)";
                String c = "update coupon_code set used = 1";
                """, owners);
        assertThat(found).extracting(Access::table, Access::write).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("campaign_member", true),
                org.assertj.core.groups.Tuple.tuple("customer", false),
                org.assertj.core.groups.Tuple.tuple("customer_segment", false),
                org.assertj.core.groups.Tuple.tuple("coupon", true),
                org.assertj.core.groups.Tuple.tuple("loyalty_entry", false),
                org.assertj.core.groups.Tuple.tuple("coupon_code", true));
    }

    private static boolean runsSql(JavaClass c) {
        return c.getDirectDependenciesFromSelf().stream().anyMatch(d -> {
            String target = d.getTargetClass().getName();
            return target.equals(JdbcClient.class.getName()) || target.equals(JdbcOperations.class.getName())
                    || target.equals(NamedParameterJdbcOperations.class.getName())
                    || target.equals("org.springframework.jdbc.core.JdbcTemplate")
                    || target.equals("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate");
        });
    }

    private static void findCycle(String node, Map<String, Set<String>> graph, List<String> path,
            List<List<String>> cycles) {
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (next.equals(path.getFirst())) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(next);
                cycles.add(cycle);
            } else if (!path.contains(next) && path.size() < graph.size()) {
                path.add(next);
                findCycle(next, graph, path, cycles);
                path.removeLast();
            }
        }
    }

    private static Owner ownerOf(Map<String, Owner> owners, String table) {
        Owner owner = owners.get(table);
        assertThat(owner).as("table " + table + " has an owner in docs/architecture.md").isNotNull();
        return owner;
    }

    private List<Access> accesses() {
        List<Access> all = new ArrayList<>();
        for (String module : modules()) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    all.addAll(scan(module, SOURCES.relativize(file).toString(), read(file), owners));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    /** The tables that the SQL in one source file touches; only the names of known tables count. */
    private static List<Access> scan(String module, String file, String source, Map<String, Owner> owners) {
        String code = BLOCK_COMMENT.matcher(source).replaceAll(" ");
        List<Access> found = new ArrayList<>();
        Matcher annotation = TABLE_ANNOTATION.matcher(code);
        while (annotation.find()) {
            found.add(new Access(module, file, annotation.group(1), true));
        }
        StringBuilder sql = new StringBuilder();
        Matcher blocks = TEXT_BLOCK.matcher(code);
        while (blocks.find()) {
            sql.append(blocks.group(1)).append(' ');
        }
        Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(code).replaceAll(" "));
        while (strings.find()) {
            sql.append(strings.group(1)).append(' ');
        }
        Matcher reference = TABLE_REFERENCE.matcher(sql.toString().toLowerCase(Locale.ROOT));
        while (reference.find()) {
            String table = reference.group(2);
            if (owners.containsKey(table)) {
                String keyword = reference.group(1);
                boolean write = !keyword.equals("from") && !keyword.equals("join");
                found.add(new Access(module, file, table, write));
            }
        }
        return found;
    }

    private static Set<String> modules() {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each module's allowedDependencies; the open base module may depend on none. */
    private static Map<String, Set<String>> allowedDependencies() {
        Map<String, Set<String>> allowed = new TreeMap<>();
        for (String module : modules()) {
            try {
                Class<?> info = Class.forName("com.tierpilot." + module + ".package-info");
                ApplicationModule declared = info.getAnnotation(ApplicationModule.class);
                allowed.put(module, declared == null ? Set.of() : Set.of(declared.allowedDependencies()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("module " + module + " has no package-info", e);
            }
        }
        return allowed;
    }

    private static Map<String, Owner> readOwners() {
        Map<String, Owner> owners = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : read(ARCHITECTURE).lines().toList()) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith("## Tables and their owners");
            }
            Matcher row = OWNERSHIP_ROW.matcher(line);
            if (inSection && row.matches()) {
                Owner previous = owners.put(row.group(1), new Owner(row.group(2),
                        row.group(3).trim().toLowerCase(Locale.ROOT).startsWith("published")));
                assertThat(previous).as("table " + row.group(1) + " is listed once").isNull();
            }
        }
        return owners;
    }

    /** Every table the migrations create (all vendors), each with the tables its foreign keys reference. */
    private static Map<String, Set<String>> migrationTables() {
        Map<String, Set<String>> tables = new TreeMap<>();
        for (Path file : migrationFiles()) {
            String sql = read(file);
            for (String statement : sql.split(";")) {
                Matcher create = CREATE_TABLE.matcher(statement);
                Matcher alter = ALTER_TABLE.matcher(statement);
                String table = create.find() ? create.group(1).toLowerCase(Locale.ROOT)
                        : alter.find() ? alter.group(1).toLowerCase(Locale.ROOT) : null;
                if (table == null) {
                    continue;
                }
                Set<String> targets = tables.computeIfAbsent(table, t -> new HashSet<>());
                Matcher references = REFERENCES.matcher(statement);
                while (references.find()) {
                    targets.add(references.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static Map<String, Set<String>> migrationReferences() {
        Map<String, Set<String>> references = new TreeMap<>(migrationTables());
        references.values().removeIf(Set::isEmpty);
        return references;
    }

    private static List<Path> migrationFiles() {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
