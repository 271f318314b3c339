package com.tierpilot.campaign.persistence;

import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserId;
import com.tierpilot.base.persistence.BulkInsert;
import com.tierpilot.campaign.Campaign;
import com.tierpilot.campaign.CampaignAction;
import com.tierpilot.campaign.CampaignDraft;
import com.tierpilot.campaign.CampaignStatus;
import com.tierpilot.campaign.CodeMode;
import com.tierpilot.campaign.CouponTerms;
import com.tierpilot.campaign.DiscountType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Campaigns, their coupon's terms and their frozen members. Status changes are conditional updates. */
@Repository
public class CampaignRepository {

    private static final String COLUMNS = """
            c.id, c.name, c.goal, c.status, c.include_segments, c.exclude_segments, c.required_rule,
            c.holdout_percent, c.starts_at, c.ends_at, c.launched_at, c.target_members, c.control_members,
            c.revisit_plan_id,
            k.discount_type, k.discount_value, k.spend_threshold, k.min_spend, k.valid_from, k.valid_to, k.categories,
            k.code_mode, k.code_prefix, k.shared_code, k.per_code_limit, k.per_customer_limit, k.total_limit""";

    /** One boolean column per action: whether the campaign has it (campaign_action, one row per action). */
    private static final String ACTION_COLUMNS = Arrays.stream(CampaignAction.values())
            .map(a -> ", " + hasAction("'" + a.name() + "'") + " as " + actionColumn(a))
            .collect(Collectors.joining());

    /** Whether campaign {@code c} has the action that {@code action} (a literal or a parameter) names. */
    private static String hasAction(String action) {
        return "exists (select 1 from campaign_action a where a.tenant_id = c.tenant_id and a.campaign_id = c.id"
                + " and a.action = " + action + ")";
    }

    private static final String FROM = " from campaign c left join coupon k on k.tenant_id = c.tenant_id"
            + " and k.campaign_id = c.id";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CampaignRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insert(TenantId tenant, CampaignDraft draft, UserId user, Instant now) {
        var id = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into campaign (tenant_id, name, goal, status, include_segments, exclude_segments,
                                      required_rule, holdout_percent, starts_at, ends_at, created_at,
                                      created_by, revisit_plan_id)
                values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), draft.name(), draft.goal(), String.join(",", draft.include()),
                        String.join(",", draft.exclude()), draft.requiredRule(), draft.holdoutPercent(),
                        Timestamp.from(draft.startsAt()), Timestamp.from(draft.endsAt()),
                        Timestamp.from(now), user.value(), draft.revisitPlanId())
                .update(id, "id");
        long campaign = id.getKey().longValue();
        insertActions(tenant, campaign, draft.actions());
        CouponTerms t = draft.coupon();
        if (t != null && draft.actions().contains(CampaignAction.COUPON)) {
            insertCoupon(tenant, campaign, t);
        }
        return campaign;
    }

    /** Gives a campaign its coupon. */
    public void insertCoupon(TenantId tenant, long campaign, CouponTerms t) {
        jdbc.sql("""
                insert into coupon (tenant_id, campaign_id, discount_type, discount_value, spend_threshold,
                                    min_spend, valid_from, valid_to, categories, code_mode, code_prefix,
                                    shared_code, per_code_limit, per_customer_limit, total_limit)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), campaign, t.type().name(), t.value(), t.spendThreshold(), t.minSpend(),
                        Timestamp.from(t.validFrom()), Timestamp.from(t.validTo()),
                        t.categories().isEmpty() ? null : String.join(",", t.categories()), t.codeMode().name(),
                        t.prefix(), t.sharedCode(), t.perCodeLimit(), t.perCustomerLimit(), t.totalLimit())
                .update();
    }

    /** Changes a coupon's discount and prefix (an always-on campaign's new version): for the codes issued from now. */
    public void updateCouponDiscount(TenantId tenant, long campaign, CouponTerms t) {
        jdbc.sql("""
                update coupon set discount_type = ?, discount_value = ?, spend_threshold = ?, min_spend = ?,
                       code_prefix = ? where tenant_id = ? and campaign_id = ?""")
                .params(t.type().name(), t.value(), t.spendThreshold(), t.minSpend(), t.prefix(), tenant.value(),
                        campaign).update();
    }

    /** Changes what an always-on campaign's row says of it: name, goal, trigger, holdout and actions. */
    public void updateAlwaysOn(TenantId tenant, long campaign, CampaignDraft d) {
        jdbc.sql("""
                update campaign set name = ?, goal = ?, include_segments = ?, holdout_percent = ?
                 where tenant_id = ? and id = ? and kind = 'ALWAYS_ON'""")
                .params(d.name(), d.goal(), String.join(",", d.include()), d.holdoutPercent(), tenant.value(),
                        campaign).update();
        jdbc.sql("delete from campaign_action where tenant_id = ? and campaign_id = ?").params(tenant.value(), campaign)
                .update();
        insertActions(tenant, campaign, d.actions());
    }

    private void insertActions(TenantId tenant, long campaign, Set<CampaignAction> actions) {
        template.batchUpdate("insert into campaign_action (tenant_id, campaign_id, action) values (?, ?, ?)",
                actions.stream().sorted().map(a -> new Object[] {tenant.value(), campaign, a.name()}).toList());
    }

    public Optional<Campaign> find(TenantId tenant, long id) {
        return jdbc.sql("select " + COLUMNS + ACTION_COLUMNS + FROM + " where c.tenant_id = ? and c.id = ?")
                .params(tenant.value(), id).query((rs, i) -> campaign(rs)).optional();
    }

    /** Launched, not cancelled campaigns with the double-points action whose window overlaps from–to. */
    public List<Campaign> pointsCampaigns(TenantId tenant, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + ACTION_COLUMNS + FROM + " where c.tenant_id = ? and c.launched_at is not null"
                + " and c.status <> 'CANCELLED' and c.kind = 'ONE_OFF' and " + hasAction("?") + " and c.starts_at < ?"
                + " and c.ends_at > ?"
                + " order by c.id").params(tenant.value(), CampaignAction.LOYALTY_REWARD.name(),
                        java.sql.Timestamp.from(to), java.sql.Timestamp.from(from))
                .query((rs, i) -> campaign(rs)).list();
    }

    /** The id of the coupon of a campaign, if it has one. */
    public Optional<Long> couponId(TenantId tenant, long campaignId) {
        return jdbc.sql("select id from coupon where tenant_id = ? and campaign_id = ?")
                .params(tenant.value(), campaignId).query(Long.class).optional();
    }

    /** The newest campaigns first, one page. */
    public List<Campaign> page(TenantId tenant, int offset, int limit) {
        return jdbc.sql("select " + COLUMNS + ACTION_COLUMNS + FROM + " where c.tenant_id = ? and c.kind = 'ONE_OFF'"
                + " order by c.created_at desc, c.id desc limit ? offset ?").params(tenant.value(), limit, offset).query((rs, i) -> campaign(rs)).list();
    }

    public int count(TenantId tenant) {
        return jdbc.sql("select count(*) from campaign where tenant_id = ? and kind = 'ONE_OFF'").param(tenant.value())
                .query(Integer.class).single();
    }

    /** Moves a draft to launched; false when it is no longer a draft (launched or cancelled meanwhile). */
    public boolean markLaunched(TenantId tenant, long id, CampaignStatus status, Instant at, int target,
            int control) {
        return jdbc.sql("""
                update campaign set status = ?, launched_at = ?, target_members = ?, control_members = ?
                 where tenant_id = ? and id = ? and status = 'DRAFT'""")
                .params(status.name(), Timestamp.from(at), target, control, tenant.value(), id).update() == 1;
    }

    /** Changes the stored status if it is one of {@code from}; false otherwise. */
    public boolean changeStatus(TenantId tenant, long id, Set<CampaignStatus> from, CampaignStatus to) {
        return jdbc.sql("update campaign set status = :to where tenant_id = :tenant and id = :id and status in (:from)")
                .param("to", to.name()).param("tenant", tenant.value()).param("id", id)
                .param("from", from.stream().map(Enum::name).toList()).update() == 1;
    }

    /** Freezes the members: {@code members[i]} is a customer id, {@code control[i]} whether it is held out. */
    public void insertMembers(TenantId tenant, long campaignId, long[] members, boolean[] control) {
        BulkInsert.insert(template, tenant, campaignId, "campaign_member",
                List.of("tenant_id", "campaign_id", "customer_id", "control"), members.length,
                i -> new Object[] {tenant.value(), campaignId, members[i], control[i]}, null);
    }

    public boolean customerExists(TenantId tenant, long customerId) {
        return jdbc.sql("select count(*) from customer where tenant_id = ? and id = ?")
                .params(tenant.value(), customerId).query(Integer.class).single() > 0;
    }

    /**
     * Counts one more target member unless the customer is a member already; true when counted (the caller then
     * inserts the member). The campaign row's lock orders concurrent issues.
     */
    public boolean addTargetMember(TenantId tenant, long campaignId, long customerId) {
        int counted = jdbc.sql("update campaign set target_members = target_members + 1 where tenant_id = ? and id = ?"
                + " and not exists (select 1 from campaign_member m where m.tenant_id = ? and m.campaign_id = ?"
                + " and m.customer_id = ?)").params(tenant.value(), campaignId, tenant.value(), campaignId,
                        customerId).update();
        return counted == 1;
    }

    /** The target (not held out) members' customer ids, ascending. */
    public List<Long> targetMembers(TenantId tenant, long campaignId) {
        return jdbc.sql("select customer_id from campaign_member where tenant_id = ? and campaign_id = ?"
                + " and control = false order by customer_id").params(tenant.value(), campaignId)
                .query(Long.class).list();
    }

    /** Whether a customer is a control member of the campaign. */
    public boolean isControl(TenantId tenant, long campaignId, long customerId) {
        return jdbc.sql("select count(*) from campaign_member where tenant_id = ? and campaign_id = ?"
                + " and customer_id = ? and control = true").params(tenant.value(), campaignId, customerId)
                .query(Integer.class).single() > 0;
    }

    /**
     * The per-member figures of one group since launch, summed in SQL: members, buyers, orders, revenue and the sum
     * of squared revenue per member (for the variance). Orders count when completed and placed at or after launch
     * and before {@code until}; refunds in that time net against revenue.
     */
    public GroupSums groupSums(TenantId tenant, long campaignId, boolean control, Instant since, Instant until) {
        return jdbc.sql("""
                select count(*), coalesce(sum(case when orders > 0 then 1 else 0 end), 0), coalesce(sum(orders), 0),
                       coalesce(sum(revenue), 0), coalesce(sum(revenue * revenue), 0)
                  from (select m.customer_id,
                               sum(case when o.status = 'COMPLETED' then 1 else 0 end) as orders,
                               coalesce(sum(case when o.status in ('COMPLETED', 'REFUNDED') then o.amount end), 0)
                                   as revenue
                          from campaign_member m
                          left join customer_order o on o.tenant_id = m.tenant_id and o.customer_id = m.customer_id
                               and o.ordered_at >= ? and o.ordered_at < ?
                         where m.tenant_id = ? and m.campaign_id = ? and m.control = ?
                         group by m.customer_id) per_member""")
                .params(Timestamp.from(since), Timestamp.from(until), tenant.value(), campaignId, control)
                .query((rs, i) -> new GroupSums(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)))
                .single();
    }

    /** Sums of one group's per-member figures. */
    public record GroupSums(int members, int buyers, long orders, BigDecimal revenue, BigDecimal revenueSquares) {
    }

    /** Redemptions (not reversed) of the campaign's coupon by one group: count, redeeming members, discounts. */
    public RedemptionSums redemptionSums(TenantId tenant, long campaignId, boolean control) {
        return jdbc.sql("""
                select count(*), count(distinct r.customer_id), coalesce(sum(r.discount), 0)
                  from coupon_redemption r
                  join coupon k on k.tenant_id = r.tenant_id and k.id = r.coupon_id
                  join campaign_member m on m.tenant_id = r.tenant_id and m.campaign_id = k.campaign_id
                       and m.customer_id = r.customer_id
                 where r.tenant_id = ? and k.campaign_id = ? and r.status = 'REDEEMED' and m.control = ?""")
                .params(tenant.value(), campaignId, control)
                .query((rs, i) -> new RedemptionSums(rs.getInt(1), rs.getInt(2), rs.getBigDecimal(3))).single();
    }

    /** Redemption figures of one group. */
    public record RedemptionSums(int redemptions, int redeemers, BigDecimal discounts) {
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        CouponTerms coupon = null;
        if (rs.getString("discount_type") != null) {
            String categories = rs.getString("categories");
            int total = rs.getInt("total_limit");
            Integer totalLimit = rs.wasNull() ? null : total;
            coupon = new CouponTerms(DiscountType.valueOf(rs.getString("discount_type")),
                    rs.getBigDecimal("discount_value"), rs.getBigDecimal("spend_threshold"),
                    rs.getBigDecimal("min_spend"), rs.getTimestamp("valid_from").toInstant(),
                    rs.getTimestamp("valid_to").toInstant(), categories == null ? List.of()
                            : Arrays.asList(categories.split(",")), CodeMode.valueOf(rs.getString("code_mode")),
                    rs.getString("code_prefix"), rs.getString("shared_code"), rs.getInt("per_code_limit"),
                    rs.getInt("per_customer_limit"), totalLimit);
        }
        Timestamp launched = rs.getTimestamp("launched_at");
        return new Campaign(rs.getLong("id"), rs.getString("name"), rs.getString("goal"),
                CampaignStatus.valueOf(rs.getString("status")), split(rs.getString("include_segments")),
                split(rs.getString("exclude_segments")), rs.getString("required_rule"),
                rs.getInt("holdout_percent"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), actions(rs),
                launched == null ? null : launched.toInstant(), rs.getInt("target_members"),
                rs.getInt("control_members"), coupon, rs.getObject("revisit_plan_id", Long.class));
    }

    private static List<String> split(@Nullable String list) {
        return list == null || list.isEmpty() ? List.of() : List.of(list.split(","));
    }

    private static Set<CampaignAction> actions(ResultSet rs) throws SQLException {
        Set<CampaignAction> actions = EnumSet.noneOf(CampaignAction.class);
        for (CampaignAction a : CampaignAction.values()) {
            if (rs.getBoolean(actionColumn(a))) {
                actions.add(a);
            }
        }
        return actions;
    }

    private static String actionColumn(CampaignAction action) {
        return "action_" + action.name().toLowerCase(Locale.ROOT);
    }

    /** The channels chosen for a campaign, with their template and link. */
    public void saveChannels(TenantId tenant, long campaignId, List<com.tierpilot.campaign.CampaignChannel> channels) {
        template.update("delete from campaign_message where tenant_id = ? and campaign_id = ?", tenant.value(),
                campaignId);
        for (var c : channels) {
            template.update("insert into campaign_message (tenant_id, campaign_id, channel, template_id, link)"
                    + " values (?, ?, ?, ?, ?)", tenant.value(), campaignId, c.channel().name(), c.templateId(),
                    c.link());
        }
    }

    public List<com.tierpilot.campaign.CampaignChannel> channels(TenantId tenant, long campaignId) {
        return template.query("select channel, template_id, link from campaign_message where tenant_id = ?"
                + " and campaign_id = ? order by channel", (rs, i) -> new com.tierpilot.campaign.CampaignChannel(
                        com.tierpilot.delivery.ChannelKind.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getString(3)), tenant.value(), campaignId);
    }
}
