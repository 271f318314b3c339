package com.tierpilot.customer;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.base.security.DataScope;
import com.tierpilot.customer.persistence.SalesStateRepository;
import com.tierpilot.customer.persistence.SalesStateRepository.FieldChange;
import com.tierpilot.customer.persistence.SalesStateRepository.StageChange;
import com.tierpilot.customer.persistence.SalesStateRepository.StateWrite;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes a customer's sales state (issue 20). Every change writes one history row per changed field:
 * who, when, from where, from what to what. A lost customer needs its reason; any other stage has none.
 */
@Service
@Transactional
public class SalesStateService {

    /** The largest deal size the state holds, as for order amounts. */
    public static final BigDecimal MAX_DEAL_SIZE = new BigDecimal("999999999999");
    public static final int MAX_REASON_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(SalesStateService.class);

    private static final int IMPORT_CHUNK = 1000;

    private final SalesStateRepository states;
    private final Clock clock;

    SalesStateService(SalesStateRepository states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    /** The customer's sales state; {@link SalesState#EMPTY} when nothing is known yet. */
    @Transactional(readOnly = true)
    public SalesState find(TenantId tenant, long customerId) {
        return states.find(tenant, customerId).orElse(SalesState.EMPTY);
    }

    /**
     * Replaces the customer's sales state and records each changed field. Returns the number of fields changed.
     *
     * @throws UserFacingException when the state is not valid (a lost customer without its reason, a negative or
     *                             too large deal size, a reason too long)
     */
    @PreAuthorize("isAuthenticated()")
    public int update(TenantId tenant, long customerId, SalesState wanted, SalesSource source,
            @Nullable UserId by) {
        SalesState next = validated(wanted);
        if (!states.customerExists(tenant, customerId)) {
            throw new NotFoundException("customer");
        }
        SalesState before = find(tenant, customerId);
        List<FieldChange> changed = changes(customerId, before, next);
        if (changed.isEmpty()) {
            return 0;
        }
        states.save(tenant, customerId, next, changed, source, by, clock.instant());
        log.info("Sales state of customer {} changed ({}) from {}: {}", customerId, source, changed.size(),
                changed.stream().map(FieldChange::field).toList());
        return changed.size();
    }

    /**
     * Merges an import's sales columns (issue 20), by customer id: each field the file sets replaces the stored one,
     * a blank cell keeps it; a stage other than LOST drops the reason. Each changed field is recorded with the
     * import as its source, and states are written in JDBC batches. Returns the number of customers changed.
     */
    public int mergeImported(TenantId tenant, Map<Long, SalesState> imported) {
        Instant at = clock.instant();
        List<Long> ids = List.copyOf(imported.keySet());
        int changedCustomers = 0;
        for (int from = 0; from < ids.size(); from += IMPORT_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IMPORT_CHUNK));
            Map<Long, SalesState> stored = states.findAll(tenant, chunk);
            List<StateWrite> writes = new ArrayList<>();
            List<FieldChange> trail = new ArrayList<>();
            for (Long id : chunk) {
                SalesState before = stored.getOrDefault(id, SalesState.EMPTY);
                SalesState file = imported.get(id);
                SalesStage stage = file.stage() != null ? file.stage() : before.stage();
                SalesState next = new SalesState(stage, stage != SalesStage.LOST ? null
                        : file.lostReason() != null ? file.lostReason() : before.lostReason(),
                        or(file.expectedCloseOn(), before.expectedCloseOn()),
                        or(file.expectedDealSize(), before.expectedDealSize()), or(file.need(), before.need()),
                        or(file.customerType(), before.customerType()),
                        or(file.nextFollowUpOn(), before.nextFollowUpOn()));
                List<FieldChange> changed = changes(id, before, next);
                if (!changed.isEmpty()) {
                    changedCustomers++;
                    writes.add(new StateWrite(id, next, stored.containsKey(id)));
                    trail.addAll(changed);
                }
            }
            states.saveAll(tenant, writes, trail, SalesSource.IMPORT, at);
        }
        log.info("Import changed the sales state of {} customers", changedCustomers);
        return changedCustomers;
    }

    private static <T> @Nullable T or(@Nullable T value, @Nullable T otherwise) {
        return value != null ? value : otherwise;
    }

    /** The latest changes of the customer's sales state, newest first. */
    @Transactional(readOnly = true)
    public List<SalesChange> history(TenantId tenant, long customerId, int limit) {
        return states.history(tenant, customerId, limit);
    }

    /** The state as it will be stored, or the reason it cannot be. */
    public static SalesState validated(SalesState s) {
        String reason = s.lostReason() == null || s.lostReason().isBlank() ? null : s.lostReason().strip();
        if (s.stage() == SalesStage.LOST && reason == null) {
            throw new UserFacingException("sales.error.lostReason");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new UserFacingException("sales.error.reasonTooLong", MAX_REASON_LENGTH);
        }
        BigDecimal size = s.expectedDealSize();
        if (size != null && (size.signum() < 0 || size.compareTo(MAX_DEAL_SIZE) > 0)) {
            throw new UserFacingException("sales.error.dealSize");
        }
        return new SalesState(s.stage(), s.stage() == SalesStage.LOST ? reason : null, s.expectedCloseOn(),
                size == null ? null : size.setScale(2, java.math.RoundingMode.HALF_UP), s.need(), s.customerType(),
                s.nextFollowUpOn());
    }

    private static boolean sameValue(String field, @Nullable String a, @Nullable String b) {
        if (field.equals("expectedDealSize") && a != null && b != null) {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        }
        return Objects.equals(a, b);
    }

    /** The fields that differ between the two states, as the trail records them. */
    private static List<FieldChange> changes(long customerId, SalesState before, SalesState next) {
        Map<String, @Nullable String> old = before.fields();
        Map<String, @Nullable String> now = next.fields();
        return now.keySet().stream().filter(f -> !sameValue(f, old.get(f), now.get(f)))
                .map(f -> new FieldChange(customerId, f, old.get(f), now.get(f))).toList();
    }

    /**
     * The moves between stages per month in the company's time zone, from {@code first} to this month, of the
     * customers the scope reaches (an account manager: their own and the pool's, as they are now), from the
     * sales-state history; in month order.
     */
    @Transactional(readOnly = true)
    public List<StageMove> stageMoves(TenantId tenant, DataScope scope, ZoneId zone, YearMonth first) {
        Map<String, Integer> moves = new TreeMap<>();
        for (StageChange change : states.stageChanges(tenant, scope, first.atDay(1).atStartOfDay(zone).toInstant())) {
            YearMonth month = YearMonth.from(change.changedAt().atZone(zone));
            moves.merge(month + "\t" + Objects.toString(change.from(), "") + "\t"
                    + Objects.toString(change.to(), ""), 1, Integer::sum);
        }
        List<StageMove> list = new ArrayList<>();
        moves.forEach((key, customers) -> {
            String[] parts = key.split("\t", -1);
            list.add(new StageMove(YearMonth.parse(parts[0]), parts[1].isEmpty() ? null
                    : SalesStage.valueOf(parts[1]), parts[2].isEmpty() ? null : SalesStage.valueOf(parts[2]),
                    customers));
        });
        return list;
    }
}
