package com.tierpilot.campaign.ui;

import com.tierpilot.campaign.CampaignAction;
import com.tierpilot.campaign.CampaignDraft;
import com.tierpilot.campaign.CodeMode;
import com.tierpilot.campaign.CouponTerms;
import com.tierpilot.campaign.DiscountType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The wizard's values while they are edited; {@link #toDraft(ZoneId)} makes the service's draft of them. */
final class CampaignFormModel {

    @Nullable String name;
    @Nullable String goal;
    Set<String> include = new LinkedHashSet<>();
    Set<String> exclude = new LinkedHashSet<>();
    @Nullable String requiredRule;
    @Nullable Integer holdoutPercent = CampaignDraft.DEFAULT_HOLDOUT_PERCENT;
    @Nullable LocalDateTime startsAt;
    @Nullable LocalDateTime endsAt;
    Set<CampaignAction> actions = EnumSet.of(CampaignAction.COUPON);
    DiscountType discountType = DiscountType.PERCENT;
    @Nullable BigDecimal value;
    @Nullable BigDecimal threshold;
    @Nullable BigDecimal minSpend = BigDecimal.ZERO;
    /** The coupon's validity; empty means the campaign's schedule. */
    @Nullable LocalDateTime validFrom;
    @Nullable LocalDateTime validTo;
    @Nullable String categories;
    CodeMode codeMode = CodeMode.UNIQUE;
    @Nullable String prefix = "TP";
    @Nullable String sharedCode;
    @Nullable Integer perCode = 1;
    @Nullable Integer perCustomer = 1;
    @Nullable Integer total;
    /** The revisit plan of the revisit-plan action. */
    @Nullable Long revisitPlanId;

    CampaignFormModel(LocalDateTime now) {
        startsAt = now.withSecond(0).withNano(0);
        endsAt = startsAt.plusDays(30);
    }

    CampaignDraft toDraft(ZoneId zone) {
        LocalDateTime start = startsAt == null ? LocalDateTime.now(zone) : startsAt;
        LocalDateTime end = endsAt == null ? start : endsAt;
        CouponTerms coupon = actions.contains(CampaignAction.COUPON) ? new CouponTerms(discountType,
                value == null ? BigDecimal.ZERO : value, threshold, minSpend == null ? BigDecimal.ZERO : minSpend,
                (validFrom == null ? start : validFrom).atZone(zone).toInstant(),
                (validTo == null ? end : validTo).atZone(zone).toInstant(), categories == null ? List.of()
                        : Arrays.asList(categories.split("[,，]")), codeMode, prefix == null ? "" : prefix,
                sharedCode, perCode == null ? 0 : perCode, perCustomer == null ? 0 : perCustomer, total) : null;
        return new CampaignDraft(name == null ? "" : name, goal, List.copyOf(include), List.copyOf(exclude),
                requiredRule, holdoutPercent == null ? CampaignDraft.DEFAULT_HOLDOUT_PERCENT : holdoutPercent,
                start.atZone(zone).toInstant(), end.atZone(zone).toInstant(), actions, coupon, revisitPlanId);
    }
}
