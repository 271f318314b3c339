package com.tierpilot.tenant.domain;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface InvitationRepository extends Repository<Invitation, Long> {

    Invitation save(Invitation invitation);

    @Query("select * from invitation where tenant_id = :tenant and id = :id")
    Optional<Invitation> findInTenant(@Param("tenant") TenantId tenant, @Param("id") long id);

    @Query("select * from invitation where tenant_id = :tenant and accepted_at is null and revoked_at is null"
            + " and expires_at > :now order by created_at desc")
    List<Invitation> findPending(@Param("tenant") TenantId tenant, @Param("now") Instant now);

    @TenantAgnostic("the invitee is anonymous; the secret token identifies the invitation and with it the tenant")
    @Query("select * from invitation where token_hash = :tokenHash")
    Optional<Invitation> findByTokenHash(@Param("tokenHash") String tokenHash);
}
