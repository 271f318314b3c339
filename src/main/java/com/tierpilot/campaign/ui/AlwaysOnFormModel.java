package com.tierpilot.campaign.ui;

import com.tierpilot.campaign.AlwaysOnAction;
import com.tierpilot.campaign.AlwaysOnCampaign;
import com.tierpilot.campaign.AlwaysOnCoupon;
import com.tierpilot.campaign.AlwaysOnDefinition;
import com.tierpilot.campaign.AlwaysOnTrigger;
import com.tierpilot.campaign.CampaignDraft;
import com.tierpilot.campaign.DiscountType;
import com.tierpilot.campaign.ExitCondition;
import com.tierpilot.campaign.JourneyStep;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The always-on form's values while they are edited; {@link #definition()} makes the service's definition. */
final class AlwaysOnFormModel {

    @Nullable String name;
    @Nullable String goal;
    AlwaysOnTrigger trigger = AlwaysOnTrigger.SEGMENT;
    /** A segment reference "SCHEME:key" of the segment trigger. */
    @Nullable String segment;
    /** The ABC tier customers drop from. */
    @Nullable String tier = "A";
    @Nullable BigDecimal threshold = new BigDecimal("0.3");
    @Nullable Integer days = 7;
    @Nullable Integer holdout = CampaignDraft.DEFAULT_HOLDOUT_PERCENT;
    /** Empty: once ever. */
    @Nullable Integer reentryDays;
    Set<ExitCondition> exits = EnumSet.of(ExitCondition.BOUGHT);
    @Nullable Integer windowDays = 30;
    final List<StepModel> steps = new ArrayList<>(List.of(new StepModel(), new StepModel(), new StepModel()));
    DiscountType discountType = DiscountType.PERCENT;
    @Nullable BigDecimal value = BigDecimal.TEN;
    @Nullable BigDecimal spendThreshold;
    @Nullable BigDecimal minSpend = BigDecimal.ZERO;
    @Nullable String prefix = "AO";
    @Nullable Integer validDays = 30;

    /** One step row; no action: the row is not a step. */
    static final class StepModel {
        @Nullable AlwaysOnAction action;
        @Nullable Integer waitDays = 0;
        boolean unlessRedeemed;
        @Nullable Integer pointsDays = 14;
        @Nullable Long planId;
    }

    AlwaysOnFormModel() {
        steps.getFirst().action = AlwaysOnAction.COUPON;
    }

    /** The form filled from a saved campaign. */
    static AlwaysOnFormModel of(AlwaysOnCampaign c) {
        AlwaysOnFormModel m = new AlwaysOnFormModel();
        AlwaysOnDefinition d = c.definition();
        m.name = c.name();
        m.goal = c.goal();
        m.trigger = d.trigger();
        if (d.trigger() == AlwaysOnTrigger.SEGMENT) {
            m.segment = d.scheme() + ":" + d.segment();
        } else if (d.trigger() == AlwaysOnTrigger.TIER_DROP) {
            m.tier = d.segment();
        }
        m.threshold = d.threshold() == null ? m.threshold : d.threshold();
        m.days = d.triggerDays() == null ? m.days : d.triggerDays();
        m.holdout = d.holdoutPercent();
        m.reentryDays = d.reentryDays();
        m.exits = d.exits().isEmpty() ? EnumSet.noneOf(ExitCondition.class) : EnumSet.copyOf(d.exits());
        m.windowDays = d.windowDays();
        for (int i = 0; i < 3; i++) {
            StepModel s = m.steps.get(i);
            s.action = null;
            if (i < d.steps().size()) {
                JourneyStep step = d.steps().get(i);
                s.action = step.action();
                s.waitDays = step.waitDays();
                s.unlessRedeemed = step.unlessRedeemed();
                s.pointsDays = step.pointsDays() == null ? s.pointsDays : step.pointsDays();
                s.planId = step.revisitPlanId();
            }
        }
        AlwaysOnCoupon k = d.coupon();
        if (k != null) {
            m.discountType = k.type();
            m.value = k.value();
            m.spendThreshold = k.spendThreshold();
            m.minSpend = k.minSpend();
            m.prefix = k.prefix();
            m.validDays = k.validDays();
        }
        return m;
    }

    AlwaysOnDefinition definition() {
        String scheme = null;
        String key = null;
        if (trigger == AlwaysOnTrigger.SEGMENT && segment != null && segment.contains(":")) {
            scheme = segment.substring(0, segment.indexOf(':'));
            key = segment.substring(segment.indexOf(':') + 1);
        } else if (trigger == AlwaysOnTrigger.TIER_DROP) {
            scheme = "ABC";
            key = tier;
        }
        List<JourneyStep> journey = new ArrayList<>();
        for (StepModel s : steps) {
            if (s.action != null) {
                journey.add(new JourneyStep(s.action, s.waitDays == null ? 0 : s.waitDays, s.unlessRedeemed,
                        s.action == AlwaysOnAction.DOUBLE_POINTS ? s.pointsDays : null,
                        s.action == AlwaysOnAction.REVISIT ? s.planId : null));
            }
        }
        boolean coupon = journey.stream().anyMatch(s -> s.action() == AlwaysOnAction.COUPON);
        return new AlwaysOnDefinition(trigger, scheme, key,
                trigger == AlwaysOnTrigger.P_ALIVE ? threshold : null,
                trigger == AlwaysOnTrigger.BIRTHDAY || trigger == AlwaysOnTrigger.FIRST_ORDER ? days : null,
                holdout == null ? CampaignDraft.DEFAULT_HOLDOUT_PERCENT : holdout, reentryDays, exits,
                windowDays == null ? 0 : windowDays, journey, coupon ? new AlwaysOnCoupon(discountType,
                        value == null ? BigDecimal.ZERO : value, spendThreshold,
                        minSpend == null ? BigDecimal.ZERO : minSpend, prefix == null ? "" : prefix,
                        validDays == null ? 0 : validDays) : null);
    }
}
