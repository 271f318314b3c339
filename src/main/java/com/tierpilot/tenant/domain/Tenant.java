package com.tierpilot.tenant.domain;

import com.tierpilot.base.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A business that signed up. Its id is the {@link TenantId} of everything it owns. */
@Table("tenant")
public class Tenant {

    @Id
    private @Nullable Long id;
    private String name;
    private String timeZone;
    private String currency;
    private String locale;
    private boolean active;
    private Instant createdAt;
    @Version
    private int version;

    @PersistenceCreator
    Tenant(@Nullable Long id, String name, String timeZone, String currency, String locale, boolean active,
            Instant createdAt, int version) {
        this.id = id;
        this.name = name;
        this.timeZone = timeZone;
        this.currency = currency;
        this.locale = locale;
        this.active = active;
        this.createdAt = createdAt;
        this.version = version;
    }

    public static Tenant create(String name, ZoneId timeZone, Currency currency, Locale locale, Instant now) {
        return new Tenant(null, name.strip(), timeZone.getId(), currency.getCurrencyCode(), locale.toLanguageTag(),
                true, now, 0);
    }

    public TenantId tenantId() {
        if (id == null) {
            throw new IllegalStateException("tenant not saved yet");
        }
        return TenantId.of(id);
    }

    public void rename(String newName) {
        this.name = newName.strip();
    }

    public void changeRegionalSettings(ZoneId zone, Currency newCurrency) {
        this.timeZone = zone.getId();
        this.currency = newCurrency.getCurrencyCode();
    }

    public void deactivate() {
        this.active = false;
    }

    public String name() {
        return name;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public String currency() {
        return currency;
    }

    public String locale() {
        return locale;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
