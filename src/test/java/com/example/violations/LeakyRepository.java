package com.example.violations;

import com.tierpilot.base.TenantId;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Breaks the rules: one method has no tenant at all, another takes it but does not filter on it. */
interface LeakyRepository extends Repository<Thing, Long> {

    @Query("select * from thing")
    List<Thing> findEverything();

    @Query("select * from thing where name = :name")
    List<Thing> findByName(@Param("tenant") TenantId tenant, @Param("name") String name);

    @Query("select * from thing where tenant_id = :tenant")
    List<Thing> findInTenant(@Param("tenant") TenantId tenant);
}
