package com.tierpilot.customer.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.persistence.DatabaseDialect;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerFilter;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.CustomerRow;
import com.tierpilot.customer.CustomerSegmentSql;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search box finds a customer by the start of its code, phone or e-mail, the last four digits of its phone, or
 * any part of its name, without regard to case, whether it reads the matches from the search indexes or (when they
 * are too many) tests every customer. Checked against a plain Java reading of that rule, on seeded random shops.
 */
@IntegrationTest
class CustomerSearchQueriesTest {

    private static final String HAN = "王李张刘陈杨黄赵吴周小明华丽强伟芳娜欧阳司马";
    private static final String LATIN = "abcdeMNOPQrs _%";

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DatabaseDialect dialect;
    @Autowired
    CustomerSegmentSql segments;

    TestTenant shop;
    TestTenant otherShop;
    List<CustomerRecord> records = new ArrayList<>();

    @BeforeEach
    void twoShopsWithCustomersOfShortAndLongNames() {
        shop = tenants.signUp("Search Sql Co").signInAsOwner();
        otherShop = tenants.signUp("Other Search Co");
        Random random = new Random(11);
        for (int i = 0; i < 80; i++) {
            String name = switch (i % 4) {
                case 0 -> random(random, HAN, 2);
                case 1 -> random(random, HAN, 3);
                case 2 -> random(random, HAN, 4 + random.nextInt(4));
                default -> random(random, LATIN, 3 + random.nextInt(9));
            };
            String phone = i % 7 == 0 ? null : "13" + (100_000_000L + random.nextInt(900_000_000));
            String email = i % 5 == 0 ? null : random(random, "abcXYZ", 4) + i + "@Shop.example";
            records.add(new CustomerRecord("K" + (1000 + i * 37 % 900), name, phone, email, null, null, null, null,
                    null, null, null, Set.of(), null, LocalDate.of(2024, 1, 1), true, Map.of()));
        }
        customers.upsertCustomers(shop.id(), records);
        // The other shop's customers are the same people: no search may ever return them.
        customers.upsertCustomers(otherShop.id(), records);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void everySearchFindsExactlyTheCustomersTheRuleNamesFromTheIndexesAndByTestingEachCustomer() {
        CustomerSearchQueries fromIndexes = new CustomerSearchQueries(jdbc, dialect, segments);
        CustomerSearchQueries byTesting = new CustomerSearchQueries(jdbc, dialect, segments, 0);
        Random random = new Random(29);
        int nonEmpty = 0;
        for (int round = 0; round < 120; round++) {
            String text = term(random);
            Set<String> expected = new TreeSet<>();
            for (CustomerRecord c : records) {
                if (matches(c, text)) {
                    expected.add(c.code());
                }
            }
            nonEmpty += expected.isEmpty() ? 0 : 1;
            assertThat(codes(fromIndexes, text)).as("search '%s' from the indexes", text).isEqualTo(expected);
            assertThat(codes(byTesting, text)).as("search '%s' testing each customer", text).isEqualTo(expected);
        }
        assertThat(nonEmpty).as("searches that found someone").isGreaterThan(60);
    }

    @Test
    void aPhoneIsFoundByItsLastFourDigitsAndANameByItsMiddle() {
        CustomerSearchQueries sql = new CustomerSearchQueries(jdbc, dialect, segments);
        CustomerRecord withPhone = records.stream().filter(c -> c.phone() != null).findFirst().orElseThrow();
        CustomerRecord longName = records.get(2);

        assertThat(codes(sql, withPhone.phone().substring(withPhone.phone().length() - 4))).contains(withPhone.code());
        assertThat(codes(sql, longName.name().substring(2, 4))).contains(longName.code());
        assertThat(codes(sql, "%")).isEqualTo(codesWith("%"));
        assertThat(codes(sql, "_")).isEqualTo(codesWith("_"));
    }

    private Set<String> codesWith(String namePart) {
        Set<String> codes = new TreeSet<>();
        records.stream().filter(c -> c.name().contains(namePart)).forEach(c -> codes.add(c.code()));
        return codes;
    }

    private Set<String> codes(CustomerSearchQueries sql, String text) {
        Set<String> codes = new TreeSet<>();
        sql.page(shop.id(), new CustomerFilter(text, null, null, null, null, null, null, null), "c.code", 0, 1000)
                .stream().map(CustomerRow::code).forEach(codes::add);
        return codes;
    }

    /** The rule the search box promises, in plain Java. */
    private static boolean matches(CustomerRecord c, String text) {
        String t = text.toLowerCase(Locale.ROOT);
        return startsWith(c.code(), t) || startsWith(c.phone(), t) || startsWith(c.email(), t)
                || (c.name() != null && c.name().toLowerCase(Locale.ROOT).contains(t))
                || (c.phone() != null && text.matches("[0-9]{4}") && c.phone().endsWith(text));
    }

    private static boolean startsWith(@Nullable String value, String lowerText) {
        return value != null && value.toLowerCase(Locale.ROOT).startsWith(lowerText);
    }

    /** A part of some customer's name, code, phone or e-mail, in another case, or something nobody has. */
    private String term(Random random) {
        CustomerRecord c = records.get(random.nextInt(records.size()));
        String source = switch (random.nextInt(6)) {
            case 0 -> c.code();
            case 1 -> c.phone() == null ? "139" : c.phone();
            case 2 -> c.email() == null ? "ab" : c.email();
            case 3 -> c.phone() == null ? "0000" : c.phone().substring(c.phone().length() - 4);
            default -> c.name();
        };
        // Codes, phones and e-mails mostly from their start (where they match), names from anywhere.
        boolean fromStart = source != c.name() && random.nextInt(4) > 0;
        int from = fromStart ? 0 : random.nextInt(Math.max(1, source.length() - 1));
        int to = Math.min(source.length(), from + 1 + random.nextInt(4));
        String part = source.substring(from, to).strip();
        if (part.isEmpty()) {
            part = "王";
        }
        return random.nextBoolean() ? part.toUpperCase(Locale.ROOT) : part;
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
