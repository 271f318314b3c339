package com.tierpilot.campaign.ui;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.ui.Formats;
import com.tierpilot.campaign.CouponRefusedException;
import com.tierpilot.campaign.CouponService;
import com.tierpilot.campaign.Redemption;
import com.tierpilot.campaign.RedemptionRequest;
import com.tierpilot.campaign.Reversal;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;

/** The shop staff's screen: a code, a customer and an order in; the discount, or the reason it is refused, out. */
@Route("coupons/redeem")
@PageTitle("nav.redeem")
@Menu(order = 41, icon = "vaadin:ticket", title = "nav.redeem")
@RolesAllowed({Role.OWNER_NAME, Role.MARKETER_NAME, Role.ACCOUNT_MANAGER_NAME})
public class RedeemView extends VerticalLayout {

    RedeemView(CouponService coupons, CurrentUser currentUser) {
        TierPilotUser me = currentUser.require();
        // An account manager redeems for their own and the pool's customers only (issue 20, data scope).
        DataScope scope = currentUser.scope();
        var code = field("code");
        var customer = field("customer");
        var orderNo = field("orderNo");
        var amount = new BigDecimalField(getTranslation("campaigns.redeem.amount"));
        amount.setId("redeem-amount");
        var category = field("category");
        var result = new Paragraph();
        result.setId("redeem-result");
        var redeem = new Button(getTranslation("campaigns.redeem.submit"), e -> {
            try {
                Redemption r = coupons.redeem(me.tenantId(), scope, new RedemptionRequest(code.getValue(),
                        customer.getValue(), orderNo.getValue(), amount.getValue() == null ? BigDecimal.ZERO
                                : amount.getValue(), category.getValue()));
                result.setText(getTranslation(r.repeated() ? "campaigns.redeem.repeated" : "campaigns.redeem.done",
                        Formats.money(r.discount(), me.currency(), getLocale()),
                        Formats.money(r.amountToPay(), me.currency(), getLocale())));
                result.getElement().setAttribute("data-outcome", "redeemed");
            } catch (CouponRefusedException refused) {
                result.setText(getTranslation("campaigns.redeem.refused",
                        getTranslation(refused.messageKey(), refused.args())));
                result.getElement().setAttribute("data-outcome", refused.reason().name());
            }
        });
        redeem.setId("redeem-submit");
        redeem.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // After a refund: the order number is enough.
        var reverse = new Button(getTranslation("campaigns.redeem.reverse"), e -> {
            try {
                Reversal r = coupons.reverse(me.tenantId(), scope, orderNo.getValue());
                result.setText(getTranslation(r.repeated() ? "campaigns.redeem.reversedBefore" : r.useFreed()
                        ? "campaigns.redeem.reversed" : "campaigns.redeem.reversedKept", r.code(), r.orderNo()));
                result.getElement().setAttribute("data-outcome", "reversed");
            } catch (NotFoundException none) {
                result.setText(getTranslation("campaigns.redeem.noRedemption", orderNo.getValue()));
                result.getElement().setAttribute("data-outcome", "none");
            }
        });
        reverse.setId("redeem-reverse");
        reverse.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new H2(getTranslation("campaigns.redeem.title")), new Paragraph(getTranslation("campaigns.redeem.intro")),
                new FormLayout(code, customer, orderNo, amount, category), new HorizontalLayout(redeem, reverse),
                result);
    }

    private TextField field(String key) {
        var field = new TextField(getTranslation("campaigns.redeem." + key));
        field.setId("redeem-" + key);
        return field;
    }
}
