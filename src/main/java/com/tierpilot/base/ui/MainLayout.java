package com.tierpilot.base.ui;

import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.base.security.SessionPrincipal;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.base.security.UserLocaleStore;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The shell around every signed-in view: the navigation built from the {@code @Menu} entries the user may open
 * (Vaadin filters them by the views' security annotations), the tenant's name, and the user menu with the language
 * switch and sign-out.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H1 viewTitle = new H1();
    private final TierPilotUser user;
    private final UserLocaleStore localeStore;
    private final AuthenticationContext authenticationContext;

    MainLayout(CurrentUser currentUser, UserLocaleStore localeStore, AuthenticationContext authenticationContext,
            List<LayoutBanners> banners) {
        this.user = currentUser.require();
        this.localeStore = localeStore;
        this.authenticationContext = authenticationContext;
        setPrimarySection(Section.DRAWER);
        addToDrawer(drawerHeader(), new Scroller(sideNav()));
        addToNavbar(new DrawerToggle(), viewTitle, banners(banners), userMenu());
    }

    /** Alerts from the features (e.g. a failed nightly run), each a link to where it is dealt with. */
    private Component banners(List<LayoutBanners> sources) {
        var area = new Div();
        area.setId("layout-banners");
        area.addClassName("layout-banners");
        for (LayoutBanners source : sources) {
            for (LayoutBanners.Banner banner : source.banners(user)) {
                var link = new Anchor(banner.route(), getTranslation(banner.messageKey(),
                        banner.arguments().toArray()));
                link.setId(banner.id());
                link.addClassName("layout-banner");
                link.getElement().setAttribute("theme", "badge error");
                area.add(link);
            }
        }
        return area;
    }

    private Component drawerHeader() {
        var logo = new Icon(VaadinIcon.CLUSTER);
        logo.addClassName("app-logo");
        var appName = new Span(getTranslation("app.name"));
        appName.addClassName("app-name");
        var tenantName = new Span(user.tenantName());
        tenantName.addClassName("tenant-name");
        tenantName.setId("tenant-name");
        var header = new Div(logo, appName, tenantName);
        header.addClassName("drawer-header");
        return header;
    }

    private SideNav sideNav() {
        var nav = new SideNav();
        nav.setId("main-nav");
        for (NavEntry entry : navEntries()) {
            SideNavItem item = entry.icon() == null ? new SideNavItem(entry.title(), entry.path())
                    : new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
            nav.addItem(item);
        }
        return nav;
    }

    /**
     * The menu the user may open, in their language. Vaadin checks every view's access for it, on every page load
     * and language switch; the entries depend only on the role (the views' security annotations) and the language,
     * so they are kept per both (issue 17, item 9: the first sign-in after a restart and the language switch).
     */
    private List<NavEntry> navEntries() {
        return NAV_ENTRIES.computeIfAbsent(user.role().name() + "|" + getLocale().toLanguageTag(),
                key -> MenuConfiguration.getMenuEntries().stream()
                        .map(entry -> new NavEntry(getTranslation(entry.title()), entry.path(), entry.icon()))
                        .toList());
    }

    private static final Map<String, List<NavEntry>> NAV_ENTRIES = new ConcurrentHashMap<>();

    private record NavEntry(String title, String path, @Nullable String icon) {
    }

    private Component userMenu() {
        var avatar = new Avatar(user.displayName());
        avatar.addThemeVariants(AvatarVariant.LUMO_XSMALL);
        var trigger = new Div(avatar, new Span(user.displayName()));
        trigger.addClassName("user-menu-trigger");

        var menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        MenuItem root = menu.addItem(trigger);
        SubMenu sub = root.getSubMenu();
        MenuItem language = sub.addItem(getTranslation("menu.language"));
        for (Locale locale : SupportedLocales.ALL) {
            MenuItem choice = language.getSubMenu().addItem(getTranslation("language." + locale.toLanguageTag()),
                    e -> switchLanguage(locale));
            choice.setCheckable(true);
            choice.setChecked(locale.equals(SupportedLocales.closest(getLocale())));
            choice.setId("language-" + locale.toLanguageTag());
        }
        sub.addItem(getTranslation("menu.logout"), e -> authenticationContext.logout()).setId("logout");
        menu.addClassName("user-menu");
        return menu;
    }

    private void switchLanguage(Locale locale) {
        localeStore.saveLocale(user, locale);
        VaadinSession session = VaadinSession.getCurrent();
        SessionPrincipal.replace(((WrappedHttpSession) session.getSession()).getHttpSession(), user.withLocale(locale));
        session.setLocale(locale);
        UI.getCurrent().getPage().reload();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        PageTitle title = getContent() == null ? null : getContent().getClass().getAnnotation(PageTitle.class);
        viewTitle.setText(title == null ? "" : getTranslation(title.value()));
    }
}
