package com.tierpilot.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Account managers given to one customer, to a filtered list, or dealt out in a region. */
@IntegrationTest
class CustomerAssignmentServiceTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    CustomerBulkService customers;
    @Autowired
    CustomerAssignmentService assignment;
    @Autowired
    CustomerSearchService search;

    TestTenant shop;
    TierPilotUser east;
    TierPilotUser west;

    /** Nine customers in 杭州 (H1-H9) and three in 上海 (S1-S3), none with a manager. */
    @BeforeEach
    void aShopWithTwoManagers() {
        shop = tenants.signUp("Assign Co").signInAsOwner();
        east = shop.addUser(Role.ACCOUNT_MANAGER);
        west = shop.addUser(Role.ACCOUNT_MANAGER);
        List<CustomerRecord> all = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            all.add(record("H" + i, "浙江"));
        }
        for (int i = 1; i <= 3; i++) {
            all.add(record("S" + i, "上海"));
        }
        customers.upsertCustomers(shop.id(), all);
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void aRegionIsDealtOutInTurnInCodeOrder() {
        AssignmentResult result = assignment.roundRobin(shop.id(), "浙江", List.of(east.userId().value(),
                west.userId().value()), true);

        assertThat(result.customersAssigned()).isEqualTo(9);
        assertThat(result.loads()).extracting(ManagerLoad::customers).containsExactly(5L, 4L);
        assertThat(codesOf(east)).containsExactly("H1", "H3", "H5", "H7", "H9");
        assertThat(codesOf(west)).containsExactly("H2", "H4", "H6", "H8");
        assertThat(search.count(shop.id(), new CustomerFilter(null, null, null, CustomerFilter.UNASSIGNED, null,
                null, null, null)).value()).isEqualTo(3);
    }

    @Test
    void onlyUnassignedCustomersAreDealtWhenAsked() {
        assignment.assignOne(shop.id(), "H1", west.userId().value());

        AssignmentResult result = assignment.roundRobin(shop.id(), "浙江", List.of(east.userId().value()), true);

        assertThat(result.customersAssigned()).isEqualTo(8);
        assertThat(codesOf(west)).containsExactly("H1");
    }

    @Test
    void everyCustomerTheFilterMatchesGetsTheManagerInOneGoAndCanLoseItAgain() {
        CustomerFilter shanghai = new CustomerFilter(null, "上海", null, null, null, null, null, null);

        AssignmentResult result = assignment.assignMatching(shop.id(), shanghai, east.userId().value());

        assertThat(result.customersAssigned()).isEqualTo(3);
        assertThat(result.anyOverLimit()).isFalse();
        assertThat(codesOf(east)).containsExactly("S1", "S2", "S3");
        assignment.assignMatching(shop.id(), shanghai, null);
        assertThat(codesOf(east)).isEmpty();
    }

    @Test
    void aManagerPastEightHundredCustomersIsFlagged() {
        List<CustomerRecord> many = new ArrayList<>();
        for (int i = 1; i <= 801; i++) {
            many.add(record("M" + i, "广东"));
        }
        customers.upsertCustomers(shop.id(), many);

        AssignmentResult result = assignment.assignMatching(shop.id(), new CustomerFilter(null, "广东", null, null,
                null, null, null, null), east.userId().value());

        assertThat(result.loads()).singleElement().satisfies(l -> {
            assertThat(l.customers()).isEqualTo(801);
            assertThat(l.overLimit()).isTrue();
        });
    }

    @Test
    void anotherCompanysUserOrAnAccountManagerCannotAssign() {
        TestTenant other = tenants.signUp("Other Assign Co");
        TierPilotUser stranger = other.addUser(Role.ACCOUNT_MANAGER);

        assertThatThrownBy(() -> assignment.assignOne(shop.id(), "H1", stranger.userId().value()))
                .isInstanceOf(NotFoundException.class);
        TestTenants.signIn(east);
        assertThatThrownBy(() -> assignment.assignOne(shop.id(), "H1", east.userId().value()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(codesOf(east)).isEmpty();
    }

    private List<String> codesOf(TierPilotUser manager) {
        return search.page(shop.id(), new CustomerFilter(null, null, null, manager.userId().value(), null, null,
                null, null), CustomerSort.CODE, true, 0, 100).stream().map(CustomerRow::code).toList();
    }

    private static CustomerRecord record(String code, String region) {
        return new CustomerRecord(code, "Customer " + code, null, null, null, null, region, null, null, null, null,
                Set.of(), null, LocalDate.of(2024, 1, 1), true, Map.of());
    }
}
