package com.tierpilot.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.tierpilot.analytics.ui.DashboardView;
import com.tierpilot.base.Role;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.AccountStatusCheck;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.support.IntegrationTest;
import com.tierpilot.support.TestTenants;
import com.tierpilot.support.TestTenants.TestTenant;
import com.tierpilot.support.BrowserlessViewTest;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarTester;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MainLayoutTest extends BrowserlessViewTest {

    @Autowired
    TestTenants tenants;
    @Autowired
    AccountStatusCheck accounts;

    @AfterEach
    void signOut() {
        TestTenants.signOut();
    }

    @Test
    void theOwnerSeesEveryMenuEntryAndTheCompanyName() {
        TestTenant tenant = tenants.signUp("Menu Co", java.time.ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();

        navigate(DashboardView.class);

        assertThat(menuLabels()).containsExactly("Dashboard", "Customers", "Shared pool", "Pipeline", "My tasks", "Churn list", "Rewards", "Import",
                "Segments", "Segmentation settings", "Churn prediction", "Nightly runs", "Revisit plans", "Campaigns",
                "Always-on campaigns", "Message templates", "Redeem coupon", "Users", "Settings", "Sales settings",
                "Messaging");
        assertThat(find(Span.class).withId("tenant-name").single().getText()).isEqualTo("Menu Co");
        assertThat(find(H1.class).withText("Dashboard").exists()).isTrue();
        assertThat(tenant.owner().role()).isEqualTo(Role.OWNER);
    }

    @Test
    void anAccountManagerSeesOnlyWhatTheRoleAllows() {
        TierPilotUser manager = tenants.signUp("Small Menu Co").addUser(Role.ACCOUNT_MANAGER);
        TestTenants.signIn(manager);

        navigate(DashboardView.class);

        assertThat(menuLabels()).containsExactly("Dashboard", "Customers", "Shared pool", "Pipeline", "My tasks", "Churn list", "Rewards", "Segments",
                "Redeem coupon");
    }

    @Test
    void theNavigationSpeaksTheUsersLanguage() {
        tenants.signUp("语言公司", java.time.ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE).signInAsOwner();
        openNewTab();

        navigate(DashboardView.class);

        assertThat(menuLabels()).containsExactly("仪表盘", "客户", "公海", "销售漏斗", "我的任务", "流失名单", "积分兑换", "数据导入", "客户分群", "分层设置", "流失预测",
                "夜间计算", "回访计划", "营销活动", "常开营销活动", "消息模板", "核销优惠券", "用户管理", "设置", "销售设置", "消息发送");
    }

    @Test
    void switchingTheLanguageSavesTheChoice() {
        TestTenant tenant = tenants.signUp("Switch Co", java.time.ZoneId.of("Asia/Shanghai"), SupportedLocales.ENGLISH)
                .signInAsOwner();
        navigate(DashboardView.class);

        // User menu → Language → 简体中文 (the languages are listed English first).
        new MenuBarTester<>(find(MenuBar.class).withId("user-menu").single()).clickItem(0, 0, 1);

        assertThat(accounts.reload(tenant.owner())).hasValueSatisfying(
                u -> assertThat(u.locale()).isEqualTo(SupportedLocales.CHINESE));
    }

    private List<String> menuLabels() {
        return find(SideNav.class).single().getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
