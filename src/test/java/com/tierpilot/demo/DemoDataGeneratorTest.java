package com.tierpilot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.UserId;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.customer.OrderRecord;
import com.tierpilot.customer.OrderStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo data looks like a real shop's: the shape an owner trying TierPilot should see in the charts. */
class DemoDataGeneratorTest {

    private static final LocalDate YESTERDAY = LocalDate.of(2026, 11, 22);
    private static final List<UserId> MANAGERS = List.of(UserId.of(1), UserId.of(2), UserId.of(3), UserId.of(4));

    private final DemoDataGenerator.DemoData data = new DemoDataGenerator(42, YESTERDAY).generate(2000, 20000, MANAGERS);

    @Test
    void itHasTwoThousandCustomersAndAboutTwentyThousandOrdersOverTwoYears() {
        assertThat(data.customers()).hasSize(2000);
        assertThat(data.orders()).hasSizeBetween(18_000, 22_000);
        assertThat(data.orders()).allSatisfy(o -> assertThat(o.orderedAt().toLocalDate())
                .isBetween(YESTERDAY.minusDays(729), YESTERDAY));
        assertThat(data.orders().stream().map(OrderRecord::orderNo).distinct().count())
                .isEqualTo(data.orders().size());
    }

    @Test
    void spendIsParetoLikeTheTopFifthOfBuyersBringMostOfTheRevenue() {
        Map<String, BigDecimal> spend = new HashMap<>();
        data.orders().stream().filter(o -> o.status() != OrderStatus.CANCELLED)
                .forEach(o -> spend.merge(o.customerCode(), o.amount(), BigDecimal::add));
        List<BigDecimal> sorted = spend.values().stream().sorted(Comparator.reverseOrder()).toList();
        BigDecimal total = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal top = sorted.subList(0, sorted.size() / 5).stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(top.doubleValue() / total.doubleValue()).isBetween(0.6, 0.9);
    }

    @Test
    void moreIsBoughtAroundDoubleElevenThanAtSpringFestival() {
        Map<Month, Long> perMonth = data.orders().stream()
                .collect(Collectors.groupingBy(o -> o.orderedAt().getMonth(), Collectors.counting()));

        assertThat(perMonth.get(Month.NOVEMBER)).isGreaterThan(perMonth.get(Month.FEBRUARY) * 3 / 2);
        assertThat(perMonth.get(Month.JUNE)).isGreaterThan(perMonth.get(Month.APRIL));
    }

    @Test
    void manyCustomersHaveLapsedAndSomeNeverBought() {
        Map<String, LocalDate> last = data.orders().stream().collect(Collectors.toMap(OrderRecord::customerCode,
                o -> o.orderedAt().toLocalDate(), (a, b) -> a.isAfter(b) ? a : b));
        long lapsed = last.values().stream().filter(d -> d.isBefore(YESTERDAY.minusDays(180))).count();

        assertThat((double) lapsed / last.size()).isBetween(0.25, 0.75);
        assertThat(2000 - last.size()).as("customers without any order").isBetween(50, 150);
    }

    @Test
    void refundsAndCancellationsOccurAsInRealLife() {
        long refunds = data.orders().stream().filter(o -> o.status() == OrderStatus.REFUNDED).count();
        long cancelled = data.orders().stream().filter(o -> o.status() == OrderStatus.CANCELLED).count();

        assertThat(refunds).isBetween(300L, 1200L);
        assertThat(cancelled).isBetween(200L, 700L);
        assertThat(data.orders()).filteredOn(o -> o.status() == OrderStatus.REFUNDED)
                .allSatisfy(o -> assertThat(o.amount()).isNegative());
    }

    @Test
    void everyAccountManagerLooksAfterFewerThanEightHundredCustomers() {
        Map<UserId, Long> load = data.customers().stream()
                .collect(Collectors.groupingBy(CustomerRecord::accountManager, Collectors.counting()));

        assertThat(load).hasSize(4);
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(200L, 799L));
    }

    @Test
    void theSameSeedGivesTheSameData() {
        var again = new DemoDataGenerator(42, YESTERDAY).generate(2000, 20000, MANAGERS);

        assertThat(again.orders()).isEqualTo(data.orders());
        assertThat(again.customers()).isEqualTo(data.customers());
    }

    @Test
    void theTopSpendersAreTaggedVip() {
        Set<String> vips = new HashSet<>();
        data.customers().stream().filter(c -> c.tags().contains("VIP")).map(CustomerRecord::code).forEach(vips::add);
        Map<String, BigDecimal> spend = data.orders().stream().filter(o -> o.status() != OrderStatus.CANCELLED)
                .collect(Collectors.toMap(OrderRecord::customerCode, OrderRecord::amount, BigDecimal::add));
        String best = spend.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();

        assertThat(vips).hasSize(100).contains(best);
        assertThat(data.customers().stream().collect(Collectors.toMap(CustomerRecord::code, Function.identity())))
                .hasSize(2000);
    }
}
