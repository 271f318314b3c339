package com.tierpilot.churn;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.Role;
import com.tierpilot.base.SpreadsheetCells;
import com.tierpilot.base.StoredText;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.campaign.CampaignService;
import com.tierpilot.churn.persistence.ChurnRepository;
import com.tierpilot.customer.CustomerProfileService;
import com.tierpilot.revisit.ContactChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The churn list: customers whose ABC tier dropped in the last run, who reached "at risk" or "churned", or whose
 * P(alive) fell under the company's threshold, ranked by value at risk. An account manager sees and works on the
 * customers assigned to them; owners and marketers see every customer. Working a customer means logging contacts,
 * and at the end marking the customer won back, or lost with a reason; either takes the customer off the list
 * until a later run puts the customer on it again.
 */
@Service
@Transactional(readOnly = true)
public class ChurnListService {

    private static final Logger log = LoggerFactory.getLogger(ChurnListService.class);

    private final ChurnRepository store;
    private final CampaignService campaigns;
    private final CustomerProfileService customers;
    private final Clock clock;

    ChurnListService(ChurnRepository store, CampaignService campaigns, CustomerProfileService customers, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.customers = customers;
        this.clock = clock;
    }

    /** The coupon templates a win-back coupon can be issued from: active campaigns with a code per member. */
    public List<CouponTemplate> winBackTemplates(TenantId tenant) {
        return campaigns.couponTemplates(tenant).stream().map(c -> new CouponTemplate(c.id(), c.name())).toList();
    }

    /** A campaign whose coupon can be issued to one customer. */
    public record CouponTemplate(long campaignId, String name) {
    }

    /**
     * Issues one of the viewer's customers a win-back coupon from a template (the customer joins that campaign's
     * target members); returns the code, the same one if the customer already holds a code there.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'ACCOUNT_MANAGER')")
    public String issueWinBackCoupon(TenantId tenant, UserId user, Role role, long customerId, long campaignId) {
        checkMayWorkOn(tenant, user, role, customerId);
        String code = campaigns.issueCode(tenant, campaignId, customerId);
        log.info("User {} issued customer {} win-back code of campaign {}", user, customerId, campaignId);
        return code;
    }

    /** A page of the viewer's list, highest value at risk first. */
    public List<ChurnEntry> page(TenantId tenant, UserId viewer, Role role, int offset, int limit) {
        return store.page(tenant, scope(viewer, role), offset, limit);
    }

    public long count(TenantId tenant, UserId viewer, Role role) {
        return store.count(tenant, scope(viewer, role));
    }

    public BigDecimal valueAtRisk(TenantId tenant, UserId viewer, Role role) {
        return store.valueAtRisk(tenant, scope(viewer, role));
    }

    /** Logs a contact with one of the viewer's customers. */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'ACCOUNT_MANAGER')")
    public void logContact(TenantId tenant, UserId user, Role role, long customerId, ContactChannel channel,
            @Nullable String note) {
        checkMayWorkOn(tenant, user, role, customerId);
        store.logContact(tenant, customerId, user, channel, clean(note), clock.instant());
    }

    /**
     * Marks one of the viewer's customers on the list won back, or lost with a reason. Refused when the customer is
     * not on the list (any more), or when somebody decided first.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER', 'ACCOUNT_MANAGER')")
    public void decide(TenantId tenant, UserId user, Role role, long customerId, ChurnOutcome outcome,
            ChurnOutcome.@Nullable Reason reason, @Nullable String note) {
        checkMayWorkOn(tenant, user, role, customerId);
        if (outcome == ChurnOutcome.LOST && reason == null) {
            throw new UserFacingException("churn.error.reasonRequired");
        }
        long run = store.currentRunIfListed(tenant, customerId)
                .orElseThrow(() -> new UserFacingException("churn.error.notListed"));
        if (!store.decide(tenant, customerId, run, outcome, outcome == ChurnOutcome.LOST ? reason : null,
                clean(note), user, clock.instant())) {
            throw new UserFacingException("churn.error.notListed");
        }
        log.info("User {} marked customer {} {}{}", user, customerId, outcome,
                reason == null ? "" : " (" + reason + ")");
    }

    /** The time of the customer's latest logged contact. */
    public @Nullable Instant lastContact(TenantId tenant, long customerId) {
        return store.lastContact(tenant, customerId).orElse(null);
    }

    /**
     * Writes the viewer's whole list as CSV (UTF-8 with a byte-order mark, for Excel and WPS), in its order, with
     * the reasons in words; {@code translate} turns message keys into the viewer's language.
     */
    public void export(TenantId tenant, UserId viewer, Role role, Writer out, Function<String, String> translate,
            ChurnReasons reasons) {
        try {
            out.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(
                    translate.apply("churn.column.code"), translate.apply("churn.column.name"),
                    translate.apply("churn.column.valueAtRisk"), translate.apply("churn.column.pAlive"),
                    translate.apply("churn.column.clv"), translate.apply("churn.column.lastOrder"),
                    translate.apply("churn.column.reasons")).get());
            store.each(tenant, scope(viewer, role), e -> {
                try {
                    csv.printRecord(SpreadsheetCells.safe(e.code()), SpreadsheetCells.safe(e.name()),
                            rounded(e.valueAtRisk()), rounded(e.pAlive()), rounded(e.clv12m()), e.lastOrder(),
                            String.join("; ", reasons.of(e)));
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Money and P(alive) as a spreadsheet reads them: two decimals, no grouping (not 1173.47607762). */
    private static @Nullable String rounded(@Nullable BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The owner's weekly churn summary: the list now, and the outcomes of the last seven days. */
    @PreAuthorize("hasRole('OWNER')")
    public ChurnSummary weeklySummary(TenantId tenant) {
        return store.summary(tenant, clock.instant().minus(Duration.ofDays(7)));
    }

    private void checkMayWorkOn(TenantId tenant, UserId user, Role role, long customerId) {
        var customer = customers.byId(tenant, customerId).orElseThrow(() -> new NotFoundException("customer"));
        if (role == Role.ACCOUNT_MANAGER && !user.equals(customer.accountManager())) {
            throw new NotFoundException("customer");
        }
    }

    private static @Nullable UserId scope(UserId viewer, Role role) {
        return role == Role.ACCOUNT_MANAGER ? viewer : null;
    }

    private static @Nullable String clean(@Nullable String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String stripped = note.strip();
        return StoredText.clip(stripped);
    }

    /** Turns an entry's reasons into words in the viewer's language. */
    @FunctionalInterface
    public interface ChurnReasons {
        List<String> of(ChurnEntry entry);
    }
}
