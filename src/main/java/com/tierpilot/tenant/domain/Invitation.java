package com.tierpilot.tenant.domain;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.TenantOwned;
import com.tierpilot.base.UserId;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An owner's invitation of a new user, redeemable once, for seven days, through a secret link. */
@Table("invitation")
public class Invitation implements TenantOwned {

    public static final Duration VALIDITY = Duration.ofDays(7);

    @Id
    private @Nullable Long id;
    private TenantId tenantId;
    private String email;
    private Role role;
    private String tokenHash;
    private long invitedBy;
    private Instant createdAt;
    private Instant expiresAt;
    private @Nullable Instant acceptedAt;
    private @Nullable Long acceptedUserId;
    private @Nullable Instant revokedAt;
    @Version
    private int version;

    @PersistenceCreator
    Invitation(@Nullable Long id, TenantId tenantId, String email, Role role, String tokenHash, long invitedBy,
            Instant createdAt, Instant expiresAt, @Nullable Instant acceptedAt, @Nullable Long acceptedUserId,
            @Nullable Instant revokedAt, int version) {
        this.id = id;
        this.tenantId = tenantId;
        this.email = email;
        this.role = role;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.acceptedAt = acceptedAt;
        this.acceptedUserId = acceptedUserId;
        this.revokedAt = revokedAt;
        this.version = version;
    }

    public static Invitation issue(TenantId tenant, String email, Role role, String tokenHash, UserId invitedBy,
            Instant now) {
        return new Invitation(null, tenant, UserAccount.normalizeEmail(email), role, tokenHash, invitedBy.value(), now,
                now.plus(VALIDITY), null, null, null, 0);
    }

    public boolean isPendingAt(Instant now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    /** Marks the invitation used; the version column makes a second, concurrent use fail. */
    public void accept(UserId user, Instant now) {
        if (!isPendingAt(now)) {
            throw new IllegalStateException("invitation is not pending");
        }
        this.acceptedAt = now;
        this.acceptedUserId = user.value();
    }

    public void revoke(Instant now) {
        if (acceptedAt == null && revokedAt == null) {
            this.revokedAt = now;
        }
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("invitation not saved yet");
        }
        return id;
    }

    @Override
    public TenantId tenantId() {
        return tenantId;
    }

    public String email() {
        return email;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
