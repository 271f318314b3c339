package com.tierpilot.tenant.domain;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.TenantOwned;
import com.tierpilot.base.UserId;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in to one tenant. */
@Table("user_account")
public class UserAccount implements TenantOwned {

    @Id
    private @Nullable Long id;
    private TenantId tenantId;
    private String email;
    private String displayName;
    private String passwordHash;
    private Role role;
    private String locale;
    private boolean active;
    private int failedLogins;
    private @Nullable Instant lockedUntil;
    private Instant createdAt;
    private @Nullable Instant lastLoginAt;
    @Version
    private int version;

    @PersistenceCreator
    UserAccount(@Nullable Long id, TenantId tenantId, String email, String displayName, String passwordHash, Role role,
            String locale, boolean active, int failedLogins, @Nullable Instant lockedUntil, Instant createdAt,
            @Nullable Instant lastLoginAt, int version) {
        this.id = id;
        this.tenantId = tenantId;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.locale = locale;
        this.active = active;
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
        this.createdAt = createdAt;
        this.lastLoginAt = lastLoginAt;
        this.version = version;
    }

    public static UserAccount create(TenantId tenant, String email, String displayName, String passwordHash,
            Role role, Locale locale, Instant now) {
        return new UserAccount(null, tenant, normalizeEmail(email), displayName.strip(), passwordHash, role,
                locale.toLanguageTag(), true, 0, null, now, null, 0);
    }

    /** E-mail addresses are compared case-insensitively and without surrounding blanks. */
    public static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public UserId userId() {
        if (id == null) {
            throw new IllegalStateException("user not saved yet");
        }
        return UserId.of(id);
    }

    @Override
    public TenantId tenantId() {
        return tenantId;
    }

    public void changeRole(Role newRole) {
        this.role = newRole;
    }

    public void deactivate() {
        this.active = false;
    }

    public void reactivate() {
        this.active = true;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    public void changeLocale(Locale newLocale) {
        this.locale = newLocale.toLanguageTag();
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public String locale() {
        return locale;
    }

    public boolean active() {
        return active;
    }

    public @Nullable Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant lastLoginAt() {
        return lastLoginAt;
    }
}
