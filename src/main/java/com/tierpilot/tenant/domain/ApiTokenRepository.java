package com.tierpilot.tenant.domain;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface ApiTokenRepository extends Repository<ApiToken, Long> {

    ApiToken save(ApiToken token);

    @Query("select * from api_token where tenant_id = :tenant and revoked_at is null order by created_at desc, id desc")
    List<ApiToken> findActive(@Param("tenant") TenantId tenant);

    @Query("select * from api_token where tenant_id = :tenant and id = :id")
    Optional<ApiToken> findInTenant(@Param("tenant") TenantId tenant, @Param("id") long id);

    @TenantAgnostic("an API request is anonymous until its secret token identifies the token and with it the tenant")
    @Query("select * from api_token where token_hash = :tokenHash")
    Optional<ApiToken> findByTokenHash(@Param("tokenHash") String tokenHash);

    /** Revokes the token if it is still active; returns 1 if it was. */
    @Modifying
    @Query("update api_token set revoked_at = :now where tenant_id = :tenant and id = :id and revoked_at is null")
    int revoke(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("now") Instant now);

    /** Revokes the tenant's active tokens of this name; returns how many. */
    @Modifying
    @Query("update api_token set revoked_at = :now where tenant_id = :tenant and name = :name and revoked_at is null")
    int revokeByName(@Param("tenant") TenantId tenant, @Param("name") String name, @Param("now") Instant now);

    /** Records a use, unless one was recorded after {@code notAfter}: at most one write per interval and token. */
    @Modifying
    @Query("update api_token set last_used_at = :now where tenant_id = :tenant and id = :id"
            + " and (last_used_at is null or last_used_at < :notAfter)")
    int recordUse(@Param("tenant") TenantId tenant, @Param("id") long id, @Param("now") Instant now,
            @Param("notAfter") Instant notAfter);
}
