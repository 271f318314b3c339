package com.tierpilot.customer;

import com.tierpilot.base.ConflictException;
import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.base.security.CurrentUser;
import com.tierpilot.customer.persistence.CustomerSearchQueries;
import com.tierpilot.customer.persistence.OwnershipRepository;
import com.tierpilot.tenant.TeamDirectoryService;
import com.tierpilot.tenant.TenantService;
import com.tierpilot.tenant.UserSummary;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ownership of customers (管户): a customer's owner is its account manager, at most one; a customer without one is
 * in the shared pool (公海). The owner or a marketer assigns one customer, every customer matching the list's filter,
 * or the customers of a region dealt out in turn (each one SQL statement), or releases them to the pool; managers
 * claim customers from the pool within the company's limits and give their own back. Every change of owner is
 * recorded (who, when, how, from whom to whom). Managers must be active users of the same company; results tell each
 * manager's new load and warn past the company's limit.
 */
@Service
@Transactional
public class CustomerAssignmentService {

    private static final Set<Role> MANAGER_ROLES = EnumSet.of(Role.ACCOUNT_MANAGER, Role.OWNER, Role.MARKETER);
    private static final Logger log = LoggerFactory.getLogger(CustomerAssignmentService.class);

    private final CustomerSearchQueries sql;
    private final OwnershipRepository ownership;
    private final TeamDirectoryService team;
    private final TenantService tenants;
    private final CurrentUser currentUser;
    private final ObjectProvider<OwnershipLimits> limits;
    private final Clock clock;

    CustomerAssignmentService(CustomerSearchQueries sql, OwnershipRepository ownership, TeamDirectoryService team, TenantService tenants,
            CurrentUser currentUser, ObjectProvider<OwnershipLimits> limits, Clock clock) {
        this.sql = sql;
        this.ownership = ownership;
        this.team = team;
        this.tenants = tenants;
        this.currentUser = currentUser;
        this.limits = limits;
        this.clock = clock;
    }

    /** Gives one customer a manager, or none ({@code manager} null: back to the pool). */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public AssignmentResult assignOne(TenantId tenant, String customerCode, @Nullable Long manager) {
        Map<Long, String> managers = managers(tenant);
        check(managers, manager == null ? List.of() : List.of(manager));
        int changed = sql.assignMatching(tenant, new CustomerFilter(null, null, null, null, null, null, null, null)
                .withCode(customerCode), manager, clock.instant(), tenants.today(tenant), actor());
        if (changed == 0) {
            throw new NotFoundException("customer");
        }
        return result(tenant, changed, manager == null ? List.of() : List.of(manager), managers);
    }

    /** Gives every customer matching the filter this manager, or none (releases them to the pool). */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public AssignmentResult assignMatching(TenantId tenant, CustomerFilter filter, @Nullable Long manager) {
        Map<Long, String> managers = managers(tenant);
        check(managers, manager == null ? List.of() : List.of(manager));
        int changed = sql.assignMatching(tenant, filter, manager, clock.instant(), tenants.today(tenant), actor());
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
        int changed = sql.roundRobin(tenant, region, distinct, onlyUnassigned, clock.instant(), tenants.today(tenant),
                actor());
        log.info("Dealt {} customers of {} out to managers {}", changed, region, distinct);
        return result(tenant, changed, distinct, managers);
    }

    /**
     * The signed-in manager claims a customer from the pool, within the company's limits (customers per manager,
     * claims per day). Of many managers claiming one customer at once, exactly one gets it.
     *
     * @throws ConflictException   when the customer has an owner (another claimed it first)
     * @throws UserFacingException when a limit is reached, with the limit
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'ACCOUNT_MANAGER')")
    public ManagerLoad claim(TenantId tenant, UserId manager, long customerId) {
        Map<Long, String> managers = managers(tenant);
        check(managers, List.of(manager.value()));
        if (!ownership.exists(tenant, customerId)) {
            throw new NotFoundException("customer");
        }
        ownership.lockClaimer(tenant, manager.value());
        LocalDate today = tenants.today(tenant);
        int limit = managerLimit(tenant);
        if (ownership.owned(tenant, manager.value()) >= limit) {
            throw new UserFacingException("ownership.error.limit", limit);
        }
        int daily = dailyClaims(tenant);
        if (ownership.claimsOn(tenant, manager.value(), today) >= daily) {
            throw new UserFacingException("ownership.error.dailyClaims", daily);
        }
        Instant now = clock.instant();
        if (!ownership.claim(tenant, customerId, manager.value(), now)) {
            throw new ConflictException("ownership.error.taken");
        }
        ownership.record(tenant, customerId, OwnerAction.CLAIM, null, manager.value(), manager.value(), now, today);
        long load = ownership.owned(tenant, manager.value());
        return new ManagerLoad(manager.value(), managers.get(manager.value()), load, load > limit);
    }

    /**
     * A customer's owner gives it back to the pool (an owner or marketer may release any customer).
     *
     * @throws NotFoundException when the customer is not the manager's (nor anyone's, for an owner or marketer)
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'ACCOUNT_MANAGER')")
    public void release(TenantId tenant, UserId by, Role role, long customerId) {
        Long owner = ownership.owner(tenant, customerId);
        if (owner == null || (role == Role.ACCOUNT_MANAGER && owner != by.value())) {
            throw new NotFoundException("customer");
        }
        Instant now = clock.instant();
        if (!ownership.release(tenant, customerId, owner, now)) {
            throw new ConflictException("ownership.error.taken");
        }
        ownership.record(tenant, customerId, OwnerAction.RELEASE, owner, null, by.value(), now, tenants.today(tenant));
    }

    /**
     * The night returns these customers to the pool (each {@code {customer id, owner id}}), unless their owner
     * changed since; returns how many went back.
     */
    public int returnToPool(TenantId tenant, List<long[]> customerAndOwner) {
        return ownership.returnToPool(tenant, customerAndOwner, clock.instant(), tenants.today(tenant));
    }

    /** The latest changes of a customer's owner, newest first. */
    @Transactional(readOnly = true)
    public List<OwnerChange> history(TenantId tenant, long customerId, int limit) {
        return ownership.history(tenant, customerId, limit);
    }

    /** How many customers the manager owns, against the company's limit. */
    @Transactional(readOnly = true)
    public ManagerLoad load(TenantId tenant, UserId manager) {
        long owned = ownership.owned(tenant, manager.value());
        int limit = managerLimit(tenant);
        String name = managers(tenant).getOrDefault(manager.value(), "#" + manager.value());
        return new ManagerLoad(manager.value(), name, owned, owned > limit);
    }

    /** The claims the manager has left today. */
    @Transactional(readOnly = true)
    public int claimsLeftToday(TenantId tenant, UserId manager) {
        return Math.max(0, dailyClaims(tenant) - ownership.claimsOn(tenant, manager.value(), tenants.today(tenant)));
    }

    /** The company's limit of customers per manager (the seed's 800 unless changed). */
    @Transactional(readOnly = true)
    public int managerLimit(TenantId tenant) {
        OwnershipLimits given = limits.getIfAvailable();
        return given == null ? OwnershipLimits.DEFAULT_MANAGER_LIMIT : given.managerLimit(tenant);
    }

    private int dailyClaims(TenantId tenant) {
        OwnershipLimits given = limits.getIfAvailable();
        return given == null ? OwnershipLimits.DEFAULT_DAILY_CLAIMS : given.dailyClaims(tenant);
    }

    private @Nullable Long actor() {
        return currentUser.get().map(u -> u.userId().value()).orElse(null);
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
        int limit = managerLimit(tenant);
        return new AssignmentResult(changed, chosen.stream().map(id -> {
            long load = loads.getOrDefault(id, 0L);
            return new ManagerLoad(id, managers.get(id), load, load > limit);
        }).toList());
    }
}
