package com.tierpilot.support;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.tenant.ApiTokenService;
import com.tierpilot.tenant.LoginLinkService;
import com.tierpilot.tenant.SignUpCommand;
import com.tierpilot.tenant.TenantProvisioningService;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.security.Principals;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Builds tenants and users the way users do: by signing up and by being added to a tenant. Every tenant gets unique
 * e-mail addresses and its own client address, so tests never collide or hit the sign-up rate limit.
 */
public class TestTenants {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    private TenantService tenantService;
    @Autowired
    private TenantProvisioningService provisioning;
    @Autowired
    private LoginLinkService loginLinks;
    @Autowired
    private Principals principals;
    @Autowired
    private ApiTokenService apiTokens;

    /**
     * A tenant signed up through the sign-up service and confirmed through the link it logs (there is no SMTP in
     * tests), with its owner signed in through the one-time link.
     */
    public TestTenant signUp(String company) {
        return signUp(company, ZoneId.of("Asia/Shanghai"), SupportedLocales.CHINESE);
    }

    public TestTenant signUp(String company, ZoneId zone, Locale language) {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        MailedSignUpLinks.listen();
        tenantService.signUp(new SignUpCommand(company, company + " Owner", email, PASSWORD, zone,
                Currency.getInstance("CNY"), language), nextAddress(), "http://localhost");
        var link = tenantService.confirmSignUp(MailedSignUpLinks.tokenFor(email));
        String token = link.path().substring(link.path().indexOf('=') + 1);
        TierPilotUser owner = loginLinks.redeem(token).orElseThrow();
        return new TestTenant(owner.tenantId(), owner, this);
    }

    /** A fresh, unique client address for one sign-up. */
    public static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    TierPilotUser addUser(TenantId tenant, Role role, Locale language) {
        String email = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID() + "@example.com";
        provisioning.addUser(tenant, email, role.name() + " user", PASSWORD, role, language);
        TierPilotUser user = principals.forLogin(email).orElseThrow();
        user.eraseCredentials();
        return user;
    }

    /** A new API token of the tenant, created by its owner; the current thread's sign-in is left as it was. */
    String apiToken(TestTenant tenant) {
        var signedIn = SecurityContextHolder.getContext();
        signIn(tenant.owner());
        try {
            return apiTokens.create(tenant.id(), tenant.owner().userId(), "Test token").token();
        } finally {
            SecurityContextHolder.setContext(signedIn);
        }
    }

    /** Makes this user the signed-in user of the current thread. */
    public static void signIn(TierPilotUser user) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A tenant in a test, with its owner. */
    public record TestTenant(TenantId id, TierPilotUser owner, TestTenants fixtures) {

        public TierPilotUser addUser(Role role) {
            return addUser(role, SupportedLocales.ENGLISH);
        }

        public TierPilotUser addUser(Role role, Locale language) {
            return fixtures.addUser(id, role, language);
        }

        /** A new API token of this tenant. */
        public String apiToken() {
            return fixtures.apiToken(this);
        }

        public TestTenant signInAsOwner() {
            signIn(owner);
            return this;
        }
    }
}
