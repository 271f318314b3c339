package com.tierpilot.sales;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.customer.SalesSource;
import com.tierpilot.customer.SalesState;
import com.tierpilot.customer.SalesStateService;
import com.tierpilot.sales.persistence.FollowUpLogRepository;
import com.tierpilot.tenant.TenantService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up logs (追踪志): a call, visit, message or note logged on a customer, with its outcome and the next date.
 * A log is the contact that keeps a customer with its owner (the shared pool counts from it) and, with a next date,
 * sets the customer's next follow-up. An account manager logs on their own customers only.
 */
@Service
@Transactional
public class FollowUpLogService {

    public static final int MAX_NOTE_LENGTH = 1000;

    private final FollowUpLogRepository logs;
    private final CustomerProfileService customers;
    private final SalesStateService states;
    private final TenantService tenants;
    private final Clock clock;

    FollowUpLogService(FollowUpLogRepository logs, CustomerProfileService customers, SalesStateService states,
            TenantService tenants, Clock clock) {
        this.logs = logs;
        this.customers = customers;
        this.states = states;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Logs a follow-up on the company's customer.
     *
     * @throws NotFoundException   for another company's customer, or another manager's for an account manager
     * @throws UserFacingException for a note too long or a next date in the past
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'ACCOUNT_MANAGER')")
    public void log(TenantId tenant, UserId by, Role role, long customerId, FollowUpKind kind,
            @Nullable FollowUpOutcome outcome, @Nullable String note, @Nullable LocalDate nextOn) {
        var customer = customers.byId(tenant, customerId).orElseThrow(() -> new NotFoundException("customer"));
        if (role == Role.ACCOUNT_MANAGER && !by.equals(customer.accountManager())) {
            throw new NotFoundException("customer");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > MAX_NOTE_LENGTH) {
            throw new UserFacingException("followUpLog.error.note", MAX_NOTE_LENGTH);
        }
        LocalDate today = tenants.today(tenant);
        if (nextOn != null && nextOn.isBefore(today)) {
            throw new UserFacingException("followUpLog.error.nextOn");
        }
        logs.insert(tenant, customerId, clock.instant(), today, by.value(), kind, outcome, text, nextOn);
        if (nextOn != null) {
            SalesState state = states.find(tenant, customerId);
            states.update(tenant, customerId, new SalesState(state.stage(), state.lostReason(),
                    state.expectedCloseOn(), state.expectedDealSize(), state.need(), state.customerType(), nextOn),
                    SalesSource.UI, by);
        }
    }

    /** A customer's latest logs, newest first. */
    @Transactional(readOnly = true)
    public List<FollowUpLog> ofCustomer(TenantId tenant, long customerId, int limit) {
        return logs.ofCustomer(tenant, customerId, limit);
    }
}
