package com.tierpilot.campaign;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.campaign.persistence.CampaignRepository.GroupSums;
import com.tierpilot.campaign.persistence.CampaignRepository.RedemptionSums;
import com.tierpilot.campaign.persistence.CampaignRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of a launched campaign: target against control, on the orders placed from the campaign's start (or
 * its launch, if later) until its end. See {@link Lift} for the formulas of the lift and its intervals.
 */
@Service
@Transactional(readOnly = true)
public class CampaignReportingService {

    private final CampaignService campaigns;
    private final CampaignRepository store;

    CampaignReportingService(CampaignService campaigns, CampaignRepository store) {
        this.campaigns = campaigns;
        this.store = store;
    }

    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public CampaignResults results(TenantId tenant, long campaignId) {
        Campaign c = campaigns.require(tenant, campaignId);
        if (c.launchedAt() == null) {
            throw new UserFacingException("campaigns.error.notLaunched");
        }
        Instant since = c.launchedAt().isAfter(c.startsAt()) ? c.launchedAt() : c.startsAt();
        Instant until = c.endsAt();
        GroupSums t = store.groupSums(tenant, campaignId, false, since, until);
        GroupSums k = store.groupSums(tenant, campaignId, true, since, until);
        RedemptionSums rt = store.redemptionSums(tenant, campaignId, false);
        RedemptionSums rk = store.redemptionSums(tenant, campaignId, true);
        return compute(campaignId, since, until, t, rt, k, rk);
    }

    /** The arithmetic of the results from the groups' sums; public for the test of a constructed example. */
    public static CampaignResults compute(long campaignId, Instant since, Instant until, GroupSums t,
            RedemptionSums rt, GroupSums k, RedemptionSums rk) {
        Lift.Interval conversion = Lift.conversion(t.buyers(), t.members(), k.buyers(), k.members());
        Lift.Interval revenue = Lift.meanDifference(t.members(), t.revenue().doubleValue(),
                t.revenueSquares().doubleValue(), k.members(), k.revenue().doubleValue(),
                k.revenueSquares().doubleValue());
        BigDecimal incremental = revenue == null ? BigDecimal.ZERO
                : BigDecimal.valueOf(revenue.estimate()).multiply(BigDecimal.valueOf(t.members()))
                        .setScale(2, RoundingMode.HALF_UP);
        BigDecimal cost = rt.discounts().add(rk.discounts());
        Double roi = cost.signum() == 0 ? null
                : incremental.subtract(cost).divide(cost, 6, RoundingMode.HALF_UP).doubleValue();
        return new CampaignResults(campaignId, since, until, group(t, rt), group(k, rk), conversion, revenue,
                incremental, cost, roi);
    }

    private static CampaignResults.Group group(GroupSums s, RedemptionSums r) {
        int n = s.members();
        return new CampaignResults.Group(n, r.redemptions(), r.redeemers(), n == 0 ? 0 : (double) r.redeemers() / n,
                s.buyers(), n == 0 ? 0 : (double) s.buyers() / n, s.orders(), s.revenue(),
                n == 0 ? 0 : s.revenue().doubleValue() / n, r.discounts());
    }

    /** The results as CSV (UTF-8, one row per figure, target and control side by side). */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void writeCsv(TenantId tenant, long campaignId, Writer out) {
        CampaignResults r = results(tenant, campaignId);
        try {
            CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("figure", "target", "control").get().print(out);
            row(csv, "members", r.target().members(), r.control().members());
            row(csv, "redemptions", r.target().redemptions(), r.control().redemptions());
            row(csv, "redemption_rate", r.target().redemptionRate(), r.control().redemptionRate());
            row(csv, "buyers", r.target().buyers(), r.control().buyers());
            row(csv, "buyer_rate", r.target().buyerRate(), r.control().buyerRate());
            row(csv, "orders", r.target().orders(), r.control().orders());
            row(csv, "revenue", r.target().revenue(), r.control().revenue());
            row(csv, "revenue_per_member", r.target().revenuePerMember(), r.control().revenuePerMember());
            row(csv, "discounts", r.target().discounts(), r.control().discounts());
            interval(csv, "conversion_lift", r.conversionLift());
            interval(csv, "revenue_per_member_lift", r.revenueLift());
            row(csv, "incremental_revenue", r.incrementalRevenue(), "");
            row(csv, "discount_cost", r.discountCost(), "");
            row(csv, "roi", r.roi() == null ? "" : r.roi(), "");
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(CSVPrinter csv, String name, Object target, Object control) throws IOException {
        csv.printRecord(name, fmt(target), fmt(control));
    }

    private static void interval(CSVPrinter csv, String name, Lift.@Nullable Interval i) throws IOException {
        if (i == null) {
            row(csv, name, "", "");
            return;
        }
        row(csv, name, i.estimate(), "");
        row(csv, name + "_ci95_low", i.hasInterval() ? i.low() : "", "");
        row(csv, name + "_ci95_high", i.hasInterval() ? i.high() : "", "");
    }

    private static String fmt(Object value) {
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.6f", d);
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(value);
    }
}
