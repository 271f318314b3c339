package com.tierpilot.customer;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.persistence.CustomerSearchSql;
import com.tierpilot.tenant.TeamDirectory;
import com.tierpilot.tenant.UserSummary;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives customers their account manager: one customer, every customer matching the list's filter, or the customers
 * of a region dealt out in turn. Each is one SQL statement. Managers must be active users of the same company; the
 * result tells each manager's new load and warns past {@link #COMFORTABLE_LOAD} customers.
 */
@Service
@Transactional
public class CustomerAssignment {

    /** The seed's rule: an account manager looks after 500 to 800 customers. */
    public static final int COMFORTABLE_LOAD = 800;
    private static final Set<Role> MANAGER_ROLES = EnumSet.of(Role.ACCOUNT_MANAGER, Role.OWNER, Role.MARKETER);
    private static final Logger log = LoggerFactory.getLogger(CustomerAssignment.class);

    private final CustomerSearchSql sql;
    private final TeamDirectory team;
    private final Clock clock;

    CustomerAssignment(CustomerSearchSql sql, TeamDirectory team, Clock clock) {
        this.sql = sql;
        this.team = team;
        this.clock = clock;
    }

    /** Gives one customer a manager, or none ({@code manager} null). */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public AssignmentResult assignOne(TenantId tenant, String customerCode, @Nullable Long manager) {
        Map<Long, String> managers = managers(tenant);
        check(managers, manager == null ? List.of() : List.of(manager));
        int changed = sql.assignMatching(tenant, new CustomerFilter(null, null, null, null, null, null, null, null)
                .withCode(customerCode), manager, clock.instant());
        if (changed == 0) {
            throw new NotFoundException("customer");
        }
        return result(tenant, changed, manager == null ? List.of() : List.of(manager), managers);
    }

    /** Gives every customer matching the filter this manager, or none. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public AssignmentResult assignMatching(TenantId tenant, CustomerFilter filter, @Nullable Long manager) {
        Map<Long, String> managers = managers(tenant);
        check(managers, manager == null ? List.of() : List.of(manager));
        int changed = sql.assignMatching(tenant, filter, manager, clock.instant());
        log.info("Assigned {} customers ({}) to manager {}", changed, filter, manager);
        return result(tenant, changed, manager == null ? List.of() : List.of(manager), managers);
    }

    /** Deals a region's customers out to the managers in turn (only those without a manager, if asked). */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public AssignmentResult roundRobin(TenantId tenant, String region, List<Long> chosen, boolean onlyUnassigned) {
        if (chosen.isEmpty() || region == null || region.isBlank()) {
            throw new UserFacingException("customers.assign.error.roundRobin");
        }
        Map<Long, String> managers = managers(tenant);
        List<Long> distinct = chosen.stream().distinct().toList();
        check(managers, distinct);
        int changed = sql.roundRobin(tenant, region, distinct, onlyUnassigned, clock.instant());
        log.info("Dealt {} customers of {} out to managers {}", changed, region, distinct);
        return result(tenant, changed, distinct, managers);
    }

    private Map<Long, String> managers(TenantId tenant) {
        return team.activeUsers(tenant).stream().filter(u -> MANAGER_ROLES.contains(u.role()))
                .collect(Collectors.toMap(u -> u.userId().value(), UserSummary::displayName, (a, b) -> a));
    }

    /** Another company's user, or an inactive one, reads exactly like an unknown one. */
    private static void check(Map<Long, String> managers, List<Long> chosen) {
        for (Long id : chosen) {
            if (!managers.containsKey(id)) {
                throw new NotFoundException("user");
            }
        }
    }

    private AssignmentResult result(TenantId tenant, int changed, List<Long> chosen, Map<Long, String> managers) {
        Map<Long, Long> loads = sql.loads(tenant, chosen);
        return new AssignmentResult(changed, chosen.stream().map(id -> {
            long load = loads.getOrDefault(id, 0L);
            return new ManagerLoad(id, managers.get(id), load, load > COMFORTABLE_LOAD);
        }).toList());
    }
}
