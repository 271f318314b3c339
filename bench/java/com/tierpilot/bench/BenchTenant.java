package com.tierpilot.bench;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.i18n.SupportedLocales;
import com.tierpilot.base.security.TierPilotUser;
import com.tierpilot.tenant.SignUpCommand;
import com.tierpilot.tenant.TenantProvisioningService;
import com.tierpilot.tenant.security.Principals;
import java.time.ZoneId;
import java.util.Currency;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A benchmark's company in Shanghai (CNY, English), with its owner signed in on this thread. */
record BenchTenant(TenantId id, TierPilotUser owner) {

    static BenchTenant signUp(ApplicationContext app, String company, String ownerEmail) {
        TenantId tenant = app.getBean(TenantProvisioningService.class).createTenant(new SignUpCommand(company,
                "bench", ownerEmail, "bench-password-1", ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"),
                SupportedLocales.ENGLISH)).tenantId();
        TierPilotUser user = app.getBean(Principals.class).forLogin(ownerEmail).orElseThrow();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        return new BenchTenant(tenant, user);
    }
}
