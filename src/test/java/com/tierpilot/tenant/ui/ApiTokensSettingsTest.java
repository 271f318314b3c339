package com.tierpilot.tenant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.tenant.ApiTokenService;
import com.tierpilot.tenant.ApiTokenSummary;
import com.tierpilot.tenant.UserSummary;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ApiTokensSettingsTest extends SpringBrowserlessTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    ApiTokenService apiTokens;

    TestTenant tenant;

    @BeforeEach
    void signInAsOwner() {
        tenant = tenants.signUp("Settings Token Co", ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
    }

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theOwnerCreatesATokenSeesItOnceAndRevokesIt() {
        navigate(SettingsView.class);
        click("api-token-create");
        test(find(TextField.class).withId("api-token-name").single()).setValue("Online shop");
        click("api-token-save");

        String token = find(TextField.class).withId("new-api-token").single().getValue();
        assertThat(apiTokens.resolve(token)).as("the token shown works").isPresent();
        Grid<ApiTokenSummary> grid = tokenGrid();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Online shop");
        assertThat(test(grid).getCellText(0, 1)).isEqualTo(token.substring(0, 7) + "…");
        assertThat(test(grid).getCellText(0, 3)).isEqualTo("Never");
        assertThat(test(grid).getCellText(0, 4)).as("a company token (issue 20)").isEqualTo("All customers");

        find(Dialog.class).all().forEach(Dialog::close);
        assertThat(find(TextField.class).all()).as("shown once, then never again")
                .noneMatch(field -> field.getValue().contains(token.substring(3)));

        test((Button) test(grid).getCellComponent(0, 5)).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getText()).contains("Online shop");
        test(confirm).confirm();

        assertThat(test(grid).size()).isZero();
        assertThat(apiTokens.resolve(token)).as("revoked at once").isEmpty();
    }

    /** Issue 20, data scope: a token bound to an account manager reaches their customers and the pool's only. */
    @Test
    @SuppressWarnings("unchecked")
    void theOwnerCreatesATokenForAnAccountManager() {
        var manager = tenant.addUser(Role.ACCOUNT_MANAGER);
        navigate(SettingsView.class);
        click("api-token-create");
        test(find(TextField.class).withId("api-token-name").single()).setValue("East's CRM");
        var managers = (ComboBox<UserSummary>) find(ComboBox.class).withId("api-token-manager").single();
        test(managers).selectItem(manager.displayName() + " (" + manager.email() + ")");
        click("api-token-save");

        String token = find(TextField.class).withId("new-api-token").single().getValue();
        assertThat(apiTokens.resolve(token)).hasValueSatisfying(client -> assertThat(client.manager())
                .isEqualTo(manager.userId()));
        assertThat(test(tokenGrid()).getCellText(0, 4)).isEqualTo(manager.displayName()
                + "'s customers and the pool");
    }

    @Test
    void aTokenWithoutANameIsNotCreated() {
        navigate(SettingsView.class);
        click("api-token-create");
        click("api-token-save");

        assertThat(find(TextField.class).withId("api-token-name").single().isInvalid()).isTrue();
        assertThat(find(TextField.class).withId("new-api-token").exists()).isFalse();
        assertThat(apiTokens.list(tenant.id())).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Grid<ApiTokenSummary> tokenGrid() {
        return find(Grid.class).withId("api-tokens").single();
    }

    private void click(String id) {
        test(find(Button.class).withId(id).single()).click();
    }
}
