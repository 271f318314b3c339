-- Issue 18: always-on campaigns. An always-on campaign is a campaign row of kind ALWAYS_ON (so that its coupon, codes
-- and redemptions are those of every campaign); what it does is in its versions: the trigger, the holdout, the
-- re-entry and exit rules and one to three steps. Editing a running campaign adds a version; an entrant goes through
-- the version of the night it entered.
alter table campaign add column kind varchar(10) not null default 'ONE_OFF';

-- A code of an always-on campaign is valid for some days from its issue (null: the coupon's validity only).
alter table coupon_code add column valid_until datetime(6) null;

-- State of an always-on campaign: its current version, whether it is paused, and the recompute run its last night
-- enrolled from (the next night enrols those who met the trigger after it).
create table always_on (
    tenant_id        bigint      not null,
    campaign_id      bigint      not null,
    version          int         not null,
    paused           boolean     not null default false,
    last_run_id      bigint      null,
    last_as_of       date        null,
    preset           varchar(20) null,
    primary key (tenant_id, campaign_id),
    constraint fk_always_on_campaign foreign key (tenant_id, campaign_id) references campaign (tenant_id, id)
);

-- One version of an always-on campaign. TRIGGER_KIND: SEGMENT (entered scheme:segment), TIER_DROP (ABC tier from
-- from_tier to a lower one), P_ALIVE (P(alive) fell under threshold), BIRTHDAY (in trigger_days days),
-- FIRST_ORDER (trigger_days days after the first order). reentry_days null: once per customer ever. exits: a comma
-- list of BOUGHT, LEFT_SEGMENT, REDEEMED. window_days: conversion and revenue count within so many days of entry.
create table always_on_version (
    tenant_id          bigint        not null,
    campaign_id        bigint        not null,
    version            int           not null,
    trigger_kind       varchar(12)   not null,
    scheme             varchar(12)   null,
    segment            varchar(60)   null,
    threshold          decimal(7,6)  null,
    trigger_days       int           null,
    holdout_percent    int           not null,
    reentry_days       int           null,
    exits              varchar(60)   not null,
    window_days        int           not null,
    coupon_valid_days  int           null,
    created_at         datetime(6)   not null,
    created_by         bigint        null,
    primary key (tenant_id, campaign_id, version),
    constraint fk_always_on_version foreign key (tenant_id, campaign_id) references campaign (tenant_id, id)
);

-- A version's steps, 1 to 3. ACTION: COUPON, DOUBLE_POINTS (for points_days), REVISIT (a task with the channel
-- and script of revisit_plan_id). wait_days: after the entry (step 1) or the step before. unless_redeemed: the
-- step is skipped for an entrant who redeemed the campaign's coupon.
create table always_on_step (
    tenant_id         bigint      not null,
    campaign_id       bigint      not null,
    version           int         not null,
    step_no           int         not null,
    action            varchar(14) not null,
    wait_days         int         not null,
    unless_redeemed   boolean     not null default false,
    points_days       int         null,
    revisit_plan_id   bigint      null,
    primary key (tenant_id, campaign_id, version, step_no)
);

-- An entrant: a customer who met the trigger, in target or control (the holdout hash, fixed at entry) for good.
-- entry_no counts the customer's entries into the campaign: unique, so a night enrols a customer once however
-- often it runs. An entry is open until it exits (exit_reason BOUGHT, LEFT_SEGMENT, REDEEMED, FINISHED, ENDED).
create table always_on_entry (
    id           bigint auto_increment primary key,
    tenant_id    bigint      not null,
    campaign_id  bigint      not null,
    customer_id  bigint      not null,
    entry_no     int         not null,
    version      int         not null,
    control      boolean     not null,
    run_id       bigint      null,
    entered_on   date        not null,
    entered_at   datetime(6) not null,
    exited_on    date        null,
    exit_reason  varchar(12) null,
    constraint uk_always_on_entry unique (tenant_id, campaign_id, customer_id, entry_no),
    constraint uk_always_on_entry_tenant unique (tenant_id, id),
    constraint fk_always_on_entry_campaign foreign key (tenant_id, campaign_id) references campaign (tenant_id, id),
    constraint fk_always_on_entry_customer foreign key (customer_id) references customer (id)
);
create index ix_always_on_entry_open on always_on_entry (tenant_id, campaign_id, exited_on, customer_id);
create index ix_always_on_entry_cohort on always_on_entry (tenant_id, campaign_id, entered_on);
create index ix_always_on_entry_customer on always_on_entry (tenant_id, customer_id);

-- A step done (or skipped) for an entry: once per entry and step, the database's rule. A double-points step keeps the
-- end of its window.
create table always_on_step_done (
    tenant_id     bigint      not null,
    entry_id      bigint      not null,
    step_no       int         not null,
    campaign_id   bigint      not null,
    customer_id   bigint      not null,
    outcome       varchar(8)  not null,
    done_on       date        not null,
    done_at       datetime(6) not null,
    points_until  datetime(6) null,
    primary key (tenant_id, entry_id, step_no),
    constraint fk_always_on_step_done_entry foreign key (tenant_id, entry_id) references always_on_entry (tenant_id, id)
);
create index ix_always_on_points on always_on_step_done (tenant_id, points_until);

-- Customers under the P(alive) threshold of a campaign at its last night: tonight's entrants are those under it now
-- and not then.
create table always_on_watch (
    tenant_id    bigint not null,
    campaign_id  bigint not null,
    customer_id  bigint not null,
    primary key (tenant_id, campaign_id, customer_id)
);
