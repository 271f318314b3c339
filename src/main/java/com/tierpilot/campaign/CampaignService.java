package com.tierpilot.campaign;

import com.tierpilot.base.NotFoundException;
import com.tierpilot.base.SpreadsheetCells;
import com.tierpilot.base.TenantId;
import com.tierpilot.base.UserFacingException;
import com.tierpilot.base.UserId;
import com.tierpilot.campaign.persistence.CampaignRepository;
import com.tierpilot.campaign.persistence.CouponRepository;
import com.tierpilot.segmentation.AudienceService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns: drafts from the wizard, the audience preview, launch (which freezes the audience into target and
 * control members and issues the coupon codes), cancel and complete, and the codes.
 */
@Service
@Transactional(readOnly = true)
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    /** Length of the random part of a unique code: 31^8 ≈ 8.5 × 10^11 possible codes per prefix. */
    static final int RANDOM_LENGTH = 8;
    private static final int LAUNCH_ATTEMPTS = 3;

    private final CampaignRepository store;
    private final CouponRepository coupons;
    private final AudienceService audiences;
    private final CampaignTasks tasks;
    private final CampaignDeliveryService delivery;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CampaignService(CampaignRepository store, CouponRepository coupons, AudienceService audiences, CampaignTasks tasks,
            CampaignDeliveryService delivery, PlatformTransactionManager transactions, Clock clock) {
        this.delivery = delivery;
        this.store = store;
        this.coupons = coupons;
        this.audiences = audiences;
        this.tasks = tasks;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Saves a new draft. */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public long create(TenantId tenant, UserId user, CampaignDraft draft) {
        draft.validate();
        if (draft.coupon() != null && draft.coupon().codeMode() == CodeMode.SHARED
                && coupons.codeExists(tenant, draft.coupon().sharedCode())) {
            throw new UserFacingException("campaigns.error.sharedCodeTaken", draft.coupon().sharedCode());
        }
        requireRevisitPlan(tenant, draft.revisitPlanId());
        long id = store.insert(tenant, draft, user, clock.instant());
        log.info("Campaign {} drafted in tenant {}", id, tenant.value());
        return id;
    }

    /** The revisit plans whose channel and script the revisit-plan action can use. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public List<CampaignTasks.PlanChoice> revisitPlans(TenantId tenant) {
        return tasks.plans(tenant);
    }

    /** The revisit tasks a launched campaign gave its target members' managers: open and done. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public CampaignTasks.TaskCounts revisitTasks(TenantId tenant, long campaignId) {
        require(tenant, campaignId);
        return tasks.taskCounts(tenant, campaignId);
    }

    private void requireRevisitPlan(TenantId tenant, @Nullable Long planId) {
        if (planId != null && tasks.plans(tenant).stream().noneMatch(p -> p.id() == planId)) {
            throw new UserFacingException("campaigns.error.revisitPlan");
        }
    }

    /**
     * The audience's size now, and its split into target and control. For a saved campaign the split is exactly the
     * one launch would make (the hash needs the campaign's id); for a new draft the control size is the holdout
     * share of the audience, rounded.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public AudiencePreview preview(TenantId tenant, CampaignDraft draft, @Nullable Long campaignId) {
        if (draft.include().isEmpty()) {
            return new AudiencePreview(0, 0, 0);
        }
        if (campaignId == null) {
            int audience = audiences.count(tenant, draft.audience());
            int control = Math.round(audience * draft.holdoutPercent() / 100f);
            return new AudiencePreview(audience, audience - control, control);
        }
        int[] counts = new int[2];
        audiences.forEachCustomer(tenant, draft.audience(), customer -> {
            counts[0]++;
            if (Holdout.isControl(campaignId, customer, draft.holdoutPercent())) {
                counts[1]++;
            }
        });
        return new AudiencePreview(counts[0], counts[0] - counts[1], counts[1]);
    }

    /** The saved campaign's audience now. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public AudiencePreview preview(TenantId tenant, long campaignId) {
        Campaign c = require(tenant, campaignId);
        if (c.launchedAt() != null) {
            return new AudiencePreview(c.targetMembers() + c.controlMembers(), c.targetMembers(),
                    c.controlMembers());
        }
        return preview(tenant, draftOf(c), campaignId);
    }

    /**
     * Launches a draft: freezes its audience into members, holds out the control group by hash, and issues the
     * coupon's codes to the target members (or the one shared code), and, with the revisit-plan action, gives each
     * target member's account manager (or the unassigned queue) a task with the plan's channel and script under the
     * managers' daily capacities; control members get neither. Scheduled when it starts later, active now
     * otherwise. Launching twice, or concurrently, launches once.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public Campaign launch(TenantId tenant, long campaignId) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> launchOnce(tenant, campaignId));
                log.info("Campaign {} launched in tenant {}", campaignId, tenant.value());
                return require(tenant, campaignId);
            } catch (DuplicateKeyException codeTaken) {
                if (attempt == LAUNCH_ATTEMPTS) {
                    throw codeTaken;
                }
                log.warn("Campaign {} in tenant {}: a generated code existed already, launching again",
                        campaignId, tenant.value());
            }
        }
    }

    private void launchOnce(TenantId tenant, long campaignId) {
        Campaign c = require(tenant, campaignId);
        if (c.status() != CampaignStatus.DRAFT) {
            throw new UserFacingException("campaigns.error.notDraft");
        }
        List<Long> audience = new ArrayList<>();
        audiences.forEachCustomer(tenant, draftOf(c).audience(), audience::add);
        if (audience.isEmpty()) {
            throw new UserFacingException("campaigns.error.emptyAudience");
        }
        long[] members = new long[audience.size()];
        boolean[] control = new boolean[members.length];
        List<Long> targets = new ArrayList<>();
        for (int i = 0; i < members.length; i++) {
            members[i] = audience.get(i);
            control[i] = Holdout.isControl(campaignId, members[i], c.holdoutPercent());
            if (!control[i]) {
                targets.add(members[i]);
            }
        }
        Instant now = clock.instant();
        CampaignStatus status = now.isBefore(c.startsAt()) ? CampaignStatus.SCHEDULED : CampaignStatus.ACTIVE;
        if (!store.markLaunched(tenant, campaignId, status, now, targets.size(), members.length - targets.size())) {
            throw new UserFacingException("campaigns.error.notDraft");
        }
        store.insertMembers(tenant, campaignId, members, control);
        CouponTerms terms = c.coupon();
        java.util.Map<Long, @Nullable String> codeOf = new java.util.HashMap<>();
        if (terms != null) {
            long coupon = store.couponId(tenant, campaignId).orElseThrow();
            if (terms.codeMode() == CodeMode.SHARED) {
                List<@Nullable Long> nobody = Collections.singletonList(null);
                coupons.insertCodes(tenant, coupon, List.of(terms.sharedCode()), nobody);
                targets.forEach(t -> codeOf.put(t, terms.sharedCode()));
            } else {
                List<String> codes = new ArrayList<>(targets.size());
                java.util.Set<String> seen = new java.util.HashSet<>();
                while (codes.size() < targets.size()) {
                    String code = newCode(terms.prefix());
                    if (seen.add(code)) {
                        codes.add(code);
                    }
                }
                coupons.insertCodes(tenant, coupon, codes, new ArrayList<>(targets));
                for (int i = 0; i < codes.size(); i++) {
                    codeOf.put(targets.get(i), codes.get(i));
                }
            }
        }
        delivery.handOver(tenant, c, targets, codeOf);
        if (c.actions().contains(CampaignAction.REVISIT_PLAN) && c.revisitPlanId() != null) {
            requireRevisitPlan(tenant, c.revisitPlanId());
            int created = tasks.createTasks(tenant, campaignId, c.name(), c.revisitPlanId(), c.startsAt(),
                    targets);
            log.info("Campaign {} in tenant {}: {} revisit tasks for the target members' managers", campaignId,
                    tenant.value(), created);
        }
    }

    /** A prefix and a random part from {@link CouponTerms#ALPHABET}: random, never sequential. */
    String newCode(String prefix) {
        StringBuilder code = new StringBuilder(prefix.length() + RANDOM_LENGTH).append(prefix);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            code.append(CouponTerms.ALPHABET.charAt(random.nextInt(CouponTerms.ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The templates a single coupon can be issued from (a win-back coupon from the churn list, say): the active
     * campaigns whose coupon gives every member a code of their own.
     */
    public List<Campaign> couponTemplates(TenantId tenant) {
        return store.page(tenant, 0, 500).stream().map(this::asOfNow)
                .filter(c -> c.status() == CampaignStatus.ACTIVE && c.coupon() != null
                        && c.coupon().codeMode() == CodeMode.UNIQUE)
                .toList();
    }

    /**
     * Issues one customer a code of an active unique-code campaign, adding the customer to its target members; the
     * customer's code, if the customer already has one there. A control member of the campaign gets nothing.
     */
    @Transactional
    public String issueCode(TenantId tenant, long campaignId, long customerId) {
        Campaign c = require(tenant, campaignId);
        if (c.status() != CampaignStatus.ACTIVE || c.coupon() == null || c.coupon().codeMode() != CodeMode.UNIQUE) {
            throw new UserFacingException("campaigns.error.notTemplate");
        }
        if (!store.customerExists(tenant, customerId)) {
            throw new NotFoundException("customer");
        }
        if (store.isControl(tenant, campaignId, customerId)) {
            throw new UserFacingException("campaigns.error.controlMember");
        }
        var held = coupons.ofCustomer(tenant, customerId).stream().filter(k -> k.campaignId() == campaignId)
                .findFirst();
        if (held.isPresent()) {
            return held.get().code();
        }
        if (store.addTargetMember(tenant, campaignId, customerId)) {
            store.insertMembers(tenant, campaignId, new long[] {customerId}, new boolean[] {false});
        }
        long coupon = store.couponId(tenant, campaignId).orElseThrow();
        String code = newCode(c.coupon().prefix());
        while (coupons.codeExists(tenant, code)) {
            code = newCode(c.coupon().prefix());
        }
        coupons.insertCodes(tenant, coupon, List.of(code), List.of(customerId));
        log.info("Campaign {} issued a code to customer {} in tenant {}", campaignId, customerId, tenant.value());
        return code;
    }

    /** Cancels a campaign that has not ended; its codes are refused from then on. */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void cancel(TenantId tenant, long campaignId) {
        require(tenant, campaignId);
        if (!store.changeStatus(tenant, campaignId, EnumSet.of(CampaignStatus.DRAFT, CampaignStatus.SCHEDULED,
                CampaignStatus.ACTIVE), CampaignStatus.CANCELLED)) {
            throw new UserFacingException("campaigns.error.notRunning");
        }
        log.info("Campaign {} cancelled in tenant {}", campaignId, tenant.value());
    }

    /** Ends an active campaign now. */
    @Transactional
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void complete(TenantId tenant, long campaignId) {
        Campaign c = require(tenant, campaignId);
        if (c.status() != CampaignStatus.ACTIVE || !store.changeStatus(tenant, campaignId,
                EnumSet.of(CampaignStatus.SCHEDULED, CampaignStatus.ACTIVE), CampaignStatus.COMPLETED)) {
            throw new UserFacingException("campaigns.error.notRunning");
        }
        log.info("Campaign {} completed in tenant {}", campaignId, tenant.value());
    }

    public Optional<Campaign> find(TenantId tenant, long campaignId) {
        return store.find(tenant, campaignId).map(this::asOfNow);
    }

    public List<Campaign> page(TenantId tenant, int offset, int limit) {
        return store.page(tenant, offset, limit).stream().map(this::asOfNow).toList();
    }

    public int count(TenantId tenant) {
        return store.count(tenant);
    }

    /** The campaign's codes, one page, in the order they were issued. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public List<CouponCode> codes(TenantId tenant, long campaignId, int offset, int limit) {
        return store.couponId(tenant, campaignId).map(c -> coupons.codes(tenant, c, offset, limit))
                .orElse(List.of());
    }

    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public int countCodes(TenantId tenant, long campaignId) {
        return store.couponId(tenant, campaignId).map(c -> coupons.countCodes(tenant, c)).orElse(0);
    }

    /** Every code of the campaign, streamed, for the CSV export. */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void forEachCode(TenantId tenant, long campaignId, Consumer<CouponCode> consumer) {
        store.couponId(tenant, campaignId).ifPresent(c -> coupons.forEachCode(tenant, c, consumer));
    }

    /**
     * The campaign's codes as CSV for SMS or WeChat (UTF-8 with a BOM, for Excel and WPS): code, customer code and
     * name, uses; cells that a spreadsheet would run as a formula are neutralised.
     */
    @PreAuthorize("hasAnyRole('OWNER', 'MARKETER')")
    public void writeCodesCsv(TenantId tenant, long campaignId, Writer out) {
        try {
            out.write('\ufeff');
            CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("code", "customer_code", "customer_name", "uses")
                    .get().print(out);
            forEachCode(tenant, campaignId, k -> {
                try {
                    csv.printRecord(SpreadsheetCells.safe(k.code()), SpreadsheetCells.safe(k.customerCode()),
                            SpreadsheetCells.safe(k.customerName()), k.uses());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The codes a customer was given. */
    public List<CustomerCoupon> codesOf(TenantId tenant, long customerId) {
        return coupons.ofCustomer(tenant, customerId);
    }

    Campaign require(TenantId tenant, long campaignId) {
        return find(tenant, campaignId).orElseThrow(() -> new NotFoundException("campaign"));
    }

    /** The campaign with the status it has now: a scheduled campaign is active from its start, and ends at its end. */
    Campaign asOfNow(Campaign c) {
        return new Campaign(c.id(), c.name(), c.goal(), statusAt(c, clock.instant()), c.include(), c.exclude(),
                c.requiredRule(), c.holdoutPercent(), c.startsAt(), c.endsAt(), c.actions(), c.launchedAt(),
                c.targetMembers(), c.controlMembers(), c.coupon(), c.revisitPlanId());
    }

    static CampaignStatus statusAt(Campaign c, Instant now) {
        return switch (c.status()) {
            case SCHEDULED, ACTIVE -> !now.isBefore(c.endsAt()) ? CampaignStatus.COMPLETED
                    : now.isBefore(c.startsAt()) ? CampaignStatus.SCHEDULED : CampaignStatus.ACTIVE;
            default -> c.status();
        };
    }

    private static CampaignDraft draftOf(Campaign c) {
        return new CampaignDraft(c.name(), c.goal(), c.include(), c.exclude(), c.requiredRule(), c.holdoutPercent(),
                c.startsAt(), c.endsAt(), c.actions(), c.coupon(), c.revisitPlanId());
    }
}
