package com.tierpilot.sales;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.customer.OwnershipLimits;
import com.tierpilot.sales.persistence.PoolRepository;
import com.tierpilot.sales.persistence.SalesSettingsRepository;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and saves a company's prospect settings: grade thresholds and the wording of stages and types; and its rules
 * of ownership and of the shared pool, which are the customer module's limits.
 */
@Service
@Transactional
public class SalesSettingsService implements OwnershipLimits {

    private final SalesSettingsRepository repository;
    private final PoolRepository pool;
    private final Clock clock;

    SalesSettingsService(SalesSettingsRepository repository, PoolRepository pool, Clock clock) {
        this.repository = repository;
        this.pool = pool;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SalesSettings settings(TenantId tenant) {
        return repository.find(tenant).orElseGet(SalesSettings::defaults);
    }

    /** The company's rules of ownership and of the shared pool; the seed's figures until changed. */
    @Transactional(readOnly = true)
    public PoolRules poolRules(TenantId tenant) {
        return pool.rules(tenant).orElse(PoolRules.DEFAULT);
    }

    @Override
    @Transactional(readOnly = true)
    public int managerLimit(TenantId tenant) {
        return poolRules(tenant).managerLimit();
    }

    @Override
    @Transactional(readOnly = true)
    public int dailyClaims(TenantId tenant) {
        return poolRules(tenant).dailyClaims();
    }

    /** Saves the rules of ownership and of the pool; the next claim and the next night follow them. */
    @PreAuthorize("hasRole('OWNER')")
    public void savePoolRules(TenantId tenant, PoolRules rules) {
        pool.saveRules(tenant, rules.checked(), GradeThresholds.DEFAULT, clock.instant());
    }

    /** Saves the settings and the rules of the pool together, or neither (both are checked first). */
    @PreAuthorize("hasRole('OWNER')")
    public void saveAll(TenantId tenant, SalesSettings settings, PoolRules rules) {
        settings.thresholds().checked();
        rules.checked();
        save(tenant, settings);
        savePoolRules(tenant, rules);
    }

    /** Saves the settings; the next night grades by the new thresholds. */
    @PreAuthorize("hasRole('OWNER')")
    public void save(TenantId tenant, SalesSettings settings) {
        repository.save(tenant, new SalesSettings(settings.thresholds().checked(), checked(settings.stageLabels()),
                checked(settings.typeLabels())), clock.instant());
    }

    /** The labels that are set, stripped; a label too long or of more than one line is refused. */
    private static <E extends Enum<E>> Map<E, String> checked(Map<E, String> labels) {
        Map<E, String> kept = labels.entrySet().stream().filter(e -> e.getValue() != null
                && !e.getValue().isBlank()).collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().strip()));
        for (String label : kept.values()) {
            if (label.length() > SalesSettings.MAX_LABEL_LENGTH || label.contains("\n")) {
                throw new UserFacingException("sales.settings.error.label", SalesSettings.MAX_LABEL_LENGTH);
            }
        }
        return kept;
    }
}
