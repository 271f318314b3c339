package com.tierpilot.tenant.domain;

import com.tierpilot.base.TenantAgnostic;
import com.tierpilot.base.TenantId;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface TenantRepository extends Repository<Tenant, Long> {

    @TenantAgnostic("a new tenant has no id until it is saved; an existing one is loaded by its TenantId first")
    Tenant save(Tenant tenant);

    @Query("select * from tenant where id = :tenant")
    Optional<Tenant> findByTenantId(@Param("tenant") TenantId tenant);

    @TenantAgnostic("the scheduler and the demo seeder enumerate tenants")
    @Query("select * from tenant where active = true order by id")
    List<Tenant> findAllActive();
}
