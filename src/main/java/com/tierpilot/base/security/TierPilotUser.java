package com.tierpilot.base.security;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import java.io.Serial;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal of a TierPilot user. It is the single source of the {@link TenantId} for everything a
 * user does in the UI.
 */
public final class TierPilotUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UserId userId;
    private final TenantId tenantId;
    private final String tenantName;
    private final String email;
    private final String displayName;
    private final Role role;
    private final Locale locale;
    private final ZoneId timeZone;
    private final String currency;
    private final boolean enabled;
    private final boolean accountNonLocked;
    private @Nullable String passwordHash;

    public TierPilotUser(UserId userId, TenantId tenantId, String tenantName, String email, String displayName,
            Role role, Locale locale, ZoneId timeZone, String currency, boolean enabled, boolean accountNonLocked,
            @Nullable String passwordHash) {
        this.userId = Objects.requireNonNull(userId);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.tenantName = tenantName;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.locale = locale;
        this.timeZone = timeZone;
        this.currency = currency;
        this.enabled = enabled;
        this.accountNonLocked = accountNonLocked;
        this.passwordHash = passwordHash;
    }

    public UserId userId() {
        return userId;
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public String tenantName() {
        return tenantName;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    public String currency() {
        return currency;
    }

    public boolean hasRole(Role wanted) {
        return role == wanted;
    }

    /** The same user with another language, after the user switched it. */
    public TierPilotUser withLocale(Locale newLocale) {
        return new TierPilotUser(userId, tenantId, tenantName, email, displayName, role, newLocale, timeZone, currency,
                enabled, accountNonLocked, null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return accountNonLocked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** Two principals are the same login state when identity, tenant, role and language agree. */
    public boolean sameGrantsAs(TierPilotUser other) {
        return userId.equals(other.userId) && tenantId.equals(other.tenantId) && role == other.role
                && locale.equals(other.locale) && tenantName.equals(other.tenantName)
                && timeZone.equals(other.timeZone) && currency.equals(other.currency);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierPilotUser that && userId.equals(that.userId);
    }

    @Override
    public int hashCode() {
        return userId.hashCode();
    }

    @Override
    public String toString() {
        return "TierPilotUser[" + userId + "@tenant " + tenantId + ", " + role + "]";
    }
}
