package com.tierpilot.tenant.domain;

import com.tierpilot.base.SecretTokens;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.TenantOwned;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A token for the REST API, acting for one tenant. Only its SHA-256 is stored; the raw token exists only in the
 * {@link Issued} value returned once at creation. Revocation and the last-use time are changed by conditional
 * updates in {@link ApiTokenRepository}, so the aggregate is saved only once, when it is issued.
 */
@Table("api_token")
public class ApiToken implements TenantOwned {

    /** The readable start of every token, followed by 43 URL-safe characters. */
    public static final String TOKEN_PREFIX = "tp_";
    public static final int MAX_NAME_LENGTH = 100;
    /** How much of a token is kept for display: the prefix and four characters, e.g. {@code tp_AbC1}. */
    private static final int SHOWN_LENGTH = TOKEN_PREFIX.length() + 4;

    @Id
    private @Nullable Long id;
    private TenantId tenantId;
    private String name;
    private String tokenHash;
    private String tokenPrefix;
    private @Nullable Long createdBy;
    private Instant createdAt;
    private @Nullable Instant lastUsedAt;
    private @Nullable Instant revokedAt;
    private @Nullable Long managerId;

    @PersistenceCreator
    ApiToken(@Nullable Long id, TenantId tenantId, String name, String tokenHash, String tokenPrefix,
            @Nullable Long createdBy, Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt,
            @Nullable Long managerId) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
        this.revokedAt = revokedAt;
        this.managerId = managerId;
    }

    /**
     * A new token with a fresh secret.
     *
     * @param createdBy the owner who created it, or null when the system did (the demo seeder)
     */
    public static Issued issue(TenantId tenant, String name, @Nullable UserId createdBy, Instant now) {
        return issue(tenant, name, createdBy, null, now);
    }

    /**
     * A new token bound to an account manager: it reaches only the manager's customers and the shared pool's.
     *
     * @param manager the account manager; null for a company token
     */
    public static Issued issue(TenantId tenant, String name, @Nullable UserId createdBy, @Nullable UserId manager,
            Instant now) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            throw new UserFacingException("apiTokens.error.name", MAX_NAME_LENGTH);
        }
        String raw = SecretTokens.newToken(TOKEN_PREFIX);
        var token = new ApiToken(null, tenant, stripped, SecretTokens.hash(raw), raw.substring(0, SHOWN_LENGTH),
                createdBy == null ? null : createdBy.value(), now, null, null,
                manager == null ? null : manager.value());
        return new Issued(token, raw);
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public long id() {
        if (id == null) {
            throw new IllegalStateException("API token not saved yet");
        }
        return id;
    }

    @Override
    public TenantId tenantId() {
        return tenantId;
    }

    /** The account manager the token is bound to; null for a company token. */
    public @Nullable UserId manager() {
        return managerId == null ? null : UserId.of(managerId);
    }

    public String name() {
        return name;
    }

    public String tokenPrefix() {
        return tokenPrefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant lastUsedAt() {
        return lastUsedAt;
    }

    /** A token just issued, with its raw secret. The secret is never logged: {@link #toString()} leaves it out. */
    public record Issued(ApiToken token, String raw) {

        @Override
        public String toString() {
            return "Issued[" + token.tokenPrefix + "…]";
        }
    }
}
