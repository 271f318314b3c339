package com.tierpilot.tenant.domain;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends Repository<UserAccount, Long> {

    UserAccount save(UserAccount user);

    @Query("select * from user_account where tenant_id = :tenant and id = :id")
    Optional<UserAccount> findInTenant(@Param("tenant") TenantId tenant, @Param("id") long id);

    @Query("select * from user_account where tenant_id = :tenant and role = :role and active = true"
            + " order by display_name")
    List<UserAccount> findActiveByRole(@Param("tenant") TenantId tenant, @Param("role") String role);

    @Query("select * from user_account where tenant_id = :tenant and active = true order by display_name")
    List<UserAccount> findActive(@Param("tenant") TenantId tenant);

    @Query("select count(*) from user_account where tenant_id = :tenant and role = 'OWNER' and active = true")
    long countActiveOwners(@Param("tenant") TenantId tenant);

    @TenantAgnostic("login: the e-mail address is the login name and identifies the tenant")
    @Query("select * from user_account where email = :email")
    Optional<UserAccount> findByEmail(@Param("email") String email);

    @TenantAgnostic("a one-time login link names the user; the tenant comes from the user's own row")
    @Query("select * from user_account where id = :id")
    Optional<UserAccount> findForLoginLink(@Param("id") long id);

    @TenantAgnostic("e-mail addresses are unique across tenants")
    @Query("select count(*) > 0 from user_account where email = :email")
    boolean emailTaken(@Param("email") String email);

    default List<UserAccount> findActiveByRole(TenantId tenant, Role role) {
        return findActiveByRole(tenant, role.name());
    }
}
