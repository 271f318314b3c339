package com.tierpilot.loyalty;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.loyalty.persistence.PointsLedgerRepository;
import com.tierpilot.support.Concurrently;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The points ledger under the concurrency of a real shop: retried calls, simultaneous spends, late refunds. */
@IntegrationTest
class PointsLedgerServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerProfileService queries;
    @Autowired
    PointsLedgerService ledger;
    @Autowired
    PointsLedgerRepository store;

    TestTenant shop;
    long member;

    @BeforeEach
    void aShopWithAMember() {
        shop = tenants.signUp("Points Co");
        customers.upsertCustomers(shop.id(), List.of(customer("M1", "Member One", "上海")));
        member = queries.byCode(shop.id(), "M1").orElseThrow().id();
    }

    @Test
    void aHundredConcurrentAwardsWithTwentyRepeatedKeysGiveTheExactBalance() throws Exception {
        // 80 distinct keys, and 20 more calls that repeat 20 of them: 80 awards of 10 points.
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            keys.add("award-" + i);
        }
        for (int i = 0; i < 20; i++) {
            keys.add("award-" + i * 3);
        }
        List<PointsPosting> postings = all(keys.stream().<Callable<PointsPosting>>map(key -> () -> ledger.award(
                shop.id(), member, 10, PointsReason.MANUAL, null, key, null)).toList());

        assertThat(ledger.balance(shop.id(), member)).isEqualTo(new PointsBalance(800, 0));
        assertThat(postings).filteredOn(PointsPosting::repeated).hasSize(20);
        assertThat(store.ledgerSum(shop.id(), member)).isEqualTo(800);
    }

    @Test
    void concurrentSpendsNeverOverdrawTheBalance() throws Exception {
        ledger.award(shop.id(), member, 100, PointsReason.MANUAL, null, "start", null);

        List<Callable<Boolean>> spends = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = "spend-" + i;
            spends.add(() -> {
                try {
                    ledger.spend(shop.id(), member, 30, PointsReason.REWARD, "R1", key);
                    return true;
                } catch (UserFacingException insufficient) {
                    return false;
                }
            });
        }
        List<Boolean> done = all(spends);

        assertThat(done).filteredOn(ok -> ok).hasSize(3);
        assertThat(ledger.balance(shop.id(), member)).isEqualTo(new PointsBalance(10, 0));
        assertThat(store.ledgerSum(shop.id(), member)).as("refused spends leave no entry").isEqualTo(10);
    }

    @Test
    void aRefundAfterThePointsWereSpentEmptiesTheBalanceAndRecordsTheDebtWhichTheNextPointsSettle() {
        ledger.award(shop.id(), member, 200, PointsReason.ORDER, "SO-1", "order:SO-1", null);
        ledger.spend(shop.id(), member, 150, PointsReason.REWARD, "teapot", "reward:1");

        PointsPosting refund = ledger.reverseOrder(shop.id(), member, "SO-1");
        PointsPosting again = ledger.reverseOrder(shop.id(), member, "SO-1");

        assertThat(refund.points()).isEqualTo(-200);
        assertThat(refund.balance()).isEqualTo(new PointsBalance(0, 150));
        assertThat(again.repeated()).as("the same refund twice takes back once").isTrue();
        assertThat(ledger.balance(shop.id(), member)).isEqualTo(new PointsBalance(0, 150));

        ledger.award(shop.id(), member, 100, PointsReason.ORDER, "SO-2", "order:SO-2", null);
        assertThat(ledger.balance(shop.id(), member)).isEqualTo(new PointsBalance(0, 50));
        ledger.award(shop.id(), member, 80, PointsReason.ORDER, "SO-3", "order:SO-3", null);
        assertThat(ledger.balance(shop.id(), member)).isEqualTo(new PointsBalance(30, 0));
        assertThat(store.ledgerSum(shop.id(), member)).as("balance minus debt is the ledger's sum").isEqualTo(30);
    }

    @Test
    void concurrentRefundsOfTheSameOrderTakeBackItsPointsOnce() throws Exception {
        ledger.award(shop.id(), member, 50, PointsReason.ORDER, "SO-9", "order:SO-9", null);

        all(java.util.stream.IntStream.range(0, 20).<Callable<PointsPosting>>mapToObj(i -> () -> ledger
                .reverseOrder(shop.id(), member, "SO-9")).toList());

        assertThat(ledger.balance(shop.id(), member)).isEqualTo(new PointsBalance(0, 0));
        assertThat(store.ledgerSum(shop.id(), member)).isZero();
    }

    @Test
    void aKeyIsTheCustomersOwnAndAnotherCompanysCustomerIsUnknown() {
        customers.upsertCustomers(shop.id(), List.of(customer("M2", "Member Two", "上海")));
        long other = queries.byCode(shop.id(), "M2").orElseThrow().id();
        ledger.award(shop.id(), member, 5, PointsReason.MANUAL, null, "k-1", null);

        assertThatThrownBy(() -> ledger.award(shop.id(), other, 5, PointsReason.MANUAL, null, "k-1", null))
                .isInstanceOf(UserFacingException.class);
        TestTenant rival = tenants.signUp("Rival Co");
        assertThatThrownBy(() -> ledger.award(rival.id(), member, 5, PointsReason.MANUAL, null, "k-2", null))
                .isInstanceOf(NotFoundException.class);
        assertThat(ledger.balance(shop.id(), other)).isEqualTo(PointsBalance.NONE);
    }

    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        return Concurrently.all(calls);
    }
}
