package com.tierpilot.sales;

import static com.tierpilot.customer.CustomerFixtures.customer;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.customer.CustomerBulkService;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.SalesSource;
import com.tierpilot.customer.SalesState;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import java.time.ZoneId;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Builds prospects the way users do: a company signed up (Shanghai, English) with its owner signed in, its customers
 * loaded, and their sales state set on the customer page by the owner.
 */
public class SalesFixtures {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    private TestTenants tenants;
    @Autowired
    private CustomerBulkService customers;
    @Autowired
    private CustomerProfileService queries;
    @Autowired
    private SalesStateService states;

    /** A new company with these customer codes (named "Prospect " + code), its owner signed in. */
    public TestTenant companyWith(String company, String... codes) {
        TestTenant shop = tenants.signUp(company, SHANGHAI, SupportedLocales.ENGLISH).signInAsOwner();
        customers.upsertCustomers(shop.id(), Arrays.stream(codes).map(code -> customer(code, "Prospect " + code,
                "浙江")).toList());
        return shop;
    }

    /** The id of the company's customer with this code. */
    public long id(TestTenant shop, String code) {
        return queries.byCode(shop.id(), code).orElseThrow().id();
    }

    /** Sets the customer's sales state as the owner does on the customer page. */
    public void set(TestTenant shop, String code, SalesState state) {
        states.update(shop.id(), id(shop, code), state, SalesSource.UI, shop.owner().userId());
    }
}
