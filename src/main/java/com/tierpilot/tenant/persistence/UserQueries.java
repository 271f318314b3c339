package com.tierpilot.tenant.persistence;

import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.tenant.UserSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users screen's read model: one company's users, paged and sorted in SQL. */
@Repository
public class UserQueries {

    /** Grid sort keys and the SQL they sort by; nothing else reaches the ORDER BY clause. */
    private static final Map<String, String> SORTABLE = Map.of(
            "displayName", "display_name", "email", "email", "role", "role", "lastLoginAt", "last_login_at");

    private final JdbcClient jdbc;

    UserQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the company's users; a user counts as locked when the lock lasts past {@code now}. */
    public List<UserSummary> page(TenantId tenant, int offset, int limit, String sortKey, boolean ascending,
            Instant now) {
        String orderBy = SORTABLE.getOrDefault(sortKey, "display_name") + (ascending ? " asc" : " desc") + ", id";
        return jdbc.sql("select id, email, display_name, role, active, last_login_at, locked_until from user_account"
                        + " where tenant_id = :tenant order by " + orderBy + " limit :limit offset :offset")
                .param("tenant", tenant.value()).param("limit", limit).param("offset", offset)
                .query((rs, i) -> {
                    var lockedUntil = rs.getTimestamp("locked_until");
                    var lastLogin = rs.getTimestamp("last_login_at");
                    return new UserSummary(UserId.of(rs.getLong("id")), rs.getString("email"),
                            rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
                            lastLogin == null ? null : lastLogin.toInstant(),
                            lockedUntil != null && lockedUntil.toInstant().isAfter(now));
                }).list();
    }

    public int count(TenantId tenant) {
        return jdbc.sql("select count(*) from user_account where tenant_id = ?").param(tenant.value())
                .query(Integer.class).single();
    }
}
