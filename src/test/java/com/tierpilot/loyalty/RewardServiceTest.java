package com.tierpilot.loyalty;

import static com.tierpilot.customer.CustomerFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.CustomerRecord;
import com.tierpilot.loyalty.persistence.PointsLedgerRepository;
import com.tierpilot.support.Concurrently;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rewards catalogue at a busy counter: many tills redeeming the last items, retries, too few points. */
@IntegrationTest
class RewardServiceTest {

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
    @Autowired
    RewardService rewards;

    TestTenant shop;
    List<Long> members = new ArrayList<>();

    /** Thirty members with 100 points each. */
    @BeforeEach
    void aShopWithThirtyMembersOfAHundredPoints() {
        shop = tenants.signUp("Rewards Co").signInAsOwner();
        List<CustomerRecord> records = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> customer("M" + i, "Member " + i, "上海")).toList();
        customers.upsertCustomers(shop.id(), records);
        for (int i = 1; i <= 30; i++) {
            long id = queries.byCode(shop.id(), "M" + i).orElseThrow().id();
            members.add(id);
            ledger.award(shop.id(), id, 100, PointsReason.MANUAL, null, "start-" + i, null);
        }
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void thirtyTillsRedeemingFiveTeapotsAtOnceGiveExactlyFive() throws Exception {
        Reward teapot = rewards.create(shop.id(), new RewardDraft("Teapot", "紫砂壶", 40, 5, true));

        List<Optional<RewardRedemption>> results = Concurrently.all(members.stream()
                .<Callable<Optional<RewardRedemption>>>map(m -> () -> attempt(teapot.id(), m, "teapot-" + m))
                .toList());

        assertThat(results).filteredOn(Optional::isPresent).hasSize(5);
        assertThat(rewards.get(shop.id(), teapot.id()).redeemed()).isEqualTo(5);
        assertThat(rewards.get(shop.id(), teapot.id()).remaining()).isZero();
        int points = members.stream().mapToInt(m -> ledger.balance(shop.id(), m).points()).sum();
        assertThat(points).as("only the five who got one paid").isEqualTo(30 * 100 - 5 * 40);
        members.forEach(m -> assertThat(store.ledgerSum(shop.id(), m)).isEqualTo(
                ledger.balance(shop.id(), m).points()));
    }

    @Test
    void concurrentRedemptionsNeverOverdrawTheBalanceAndGiveBackTheStockTheyCouldNotPayFor() throws Exception {
        Reward mug = rewards.create(shop.id(), new RewardDraft("Mug", null, 30, 100, true));
        long member = members.getFirst();

        List<Optional<RewardRedemption>> results = Concurrently.all(IntStream.range(0, 12)
                .<Callable<Optional<RewardRedemption>>>mapToObj(i -> () -> attempt(mug.id(), member, "mug-" + i))
                .toList());

        assertThat(results).filteredOn(Optional::isPresent).hasSize(3);
        assertThat(ledger.balance(shop.id(), member)).isEqualTo(new PointsBalance(10, 0));
        assertThat(store.ledgerSum(shop.id(), member)).isEqualTo(10);
        assertThat(rewards.get(shop.id(), mug.id()).redeemed()).as("refused redemptions take no stock").isEqualTo(3);
    }

    @Test
    void theSameRedemptionSentTenTimesAtOnceHappensOnce() throws Exception {
        Reward mug = rewards.create(shop.id(), new RewardDraft("Mug", null, 30, null, true));
        long member = members.getFirst();

        List<RewardRedemption> results = Concurrently.all(IntStream.range(0, 10)
                .<Callable<RewardRedemption>>mapToObj(i -> () -> rewards.redeem(shop.id(), mug.id(), member,
                        "till-7:receipt-42", shop.owner().userId())).toList());

        assertThat(results).filteredOn(r -> !r.repeated()).hasSize(1);
        assertThat(results).extracting(RewardRedemption::id).containsOnly(results.getFirst().id());
        assertThat(ledger.balance(shop.id(), member).points()).isEqualTo(70);
        assertThat(rewards.get(shop.id(), mug.id()).redeemed()).isEqualTo(1);
    }

    @Test
    void aRewardNoLongerOfferedOrAnotherCompanysRewardCannotBeRedeemed() {
        Reward old = rewards.create(shop.id(), new RewardDraft("Old calendar", null, 10, null, false));
        long member = members.getFirst();

        assertThatThrownBy(() -> rewards.redeem(shop.id(), old.id(), member, "k1", null))
                .isInstanceOf(ConflictException.class);
        TestTenant rival = tenants.signUp("Rival Rewards Co");
        assertThatThrownBy(() -> rewards.redeem(rival.id(), old.id(), member, "k2", null))
                .isInstanceOf(NotFoundException.class);
        assertThat(ledger.balance(shop.id(), member).points()).isEqualTo(100);
    }

    @Test
    void anEditFromAStaleFormOrCuttingTheStockBelowWhatWasRedeemedIsRefused() {
        Reward mug = rewards.create(shop.id(), new RewardDraft("Mug", null, 30, 10, true));
        rewards.redeem(shop.id(), mug.id(), members.getFirst(), "k1", null);
        rewards.redeem(shop.id(), mug.id(), members.get(1), "k2", null);

        assertThatThrownBy(() -> rewards.update(shop.id(), mug.id(), mug.version(),
                new RewardDraft("Mug", null, 30, 1, true))).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("stockBelowRedeemed");
        Reward renamed = rewards.update(shop.id(), mug.id(), mug.version(), new RewardDraft("Big mug", null, 35, 2,
                true));
        assertThat(renamed.remaining()).isZero();
        assertThatThrownBy(() -> rewards.update(shop.id(), mug.id(), mug.version(),
                new RewardDraft("Stale", null, 30, 10, true))).isInstanceOf(ConflictException.class);
        assertThat(rewards.get(shop.id(), mug.id()).name()).isEqualTo("Big mug");
    }

    private Optional<RewardRedemption> attempt(long reward, long member, String key) {
        try {
            return Optional.of(rewards.redeem(shop.id(), reward, member, key, null));
        } catch (ConflictException refused) {
            return Optional.empty();
        }
    }
}
