package com.tierpilot.campaign.ui;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.campaign.CustomerCoupon;
import com.tierpilot.customer.CustomerPageSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The customer page's coupons: the codes campaigns gave the customer, with their use. */
@org.springframework.stereotype.Component
class CouponSection implements CustomerPageSection {

    private final CampaignService campaigns;
    private final CurrentUser currentUser;

    CouponSection(CampaignService campaigns, CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Component render(TenantId tenant, long customerId) {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.setId("customer-coupons");
        box.add(new H3(box.getTranslation("campaigns.customerCoupons.title")));
        List<CustomerCoupon> codes = campaigns.codesOf(tenant, customerId);
        if (codes.isEmpty()) {
            box.add(new Paragraph(box.getTranslation("campaigns.customerCoupons.none")));
            return box;
        }
        ZoneId zone = currentUser.get().map(u -> u.timeZone()).orElse(ZoneId.systemDefault());
        Locale locale = currentUser.get().map(u -> u.locale()).orElse(Locale.ENGLISH);
        var grid = new Grid<CustomerCoupon>();
        grid.setId("customer-coupon-grid");
        grid.addColumn(CustomerCoupon::code).setHeader(box.getTranslation("campaigns.code.code")).setAutoWidth(true);
        grid.addColumn(CustomerCoupon::campaignName)
                .setHeader(box.getTranslation("campaigns.customerCoupons.campaign")).setFlexGrow(1);
        grid.addColumn(c -> Formats.dateTime(c.validTo(), zone, locale))
                .setHeader(box.getTranslation("campaigns.customerCoupons.validTo")).setAutoWidth(true);
        grid.addColumn(c -> c.uses() + " / " + c.perCodeLimit())
                .setHeader(box.getTranslation("campaigns.code.uses")).setAutoWidth(true);
        // A customer holds one code per campaign: a short list.
        grid.setItems(codes);
        grid.setAllRowsVisible(true);
        box.add(grid);
        return box;
    }
}
