-- A campaign's actions become a child table instead of a comma-separated column queried with LIKE (issue 15): one
-- row per action, keyed by the campaign's composite (tenant_id, id) key. The existing lists are carried over, one
-- statement per action that the application knows (campaign.CampaignAction).
create table campaign_action (
    tenant_id    bigint      not null,
    campaign_id  bigint      not null,
    action       varchar(20) not null,
    primary key (tenant_id, campaign_id, action),
    constraint fk_campaign_action_campaign foreign key (tenant_id, campaign_id) references campaign (tenant_id, id),
    constraint ck_campaign_action check (action in ('COUPON', 'LOYALTY_REWARD', 'REVISIT_PLAN'))
);
-- "Which campaigns give double points" (the loyalty night) reads by action.
create index ix_campaign_action_action on campaign_action (tenant_id, action, campaign_id);

insert into campaign_action (tenant_id, campaign_id, action)
select tenant_id, id, 'COUPON' from campaign where concat(',', actions, ',') like '%,COUPON,%';
insert into campaign_action (tenant_id, campaign_id, action)
select tenant_id, id, 'LOYALTY_REWARD' from campaign where concat(',', actions, ',') like '%,LOYALTY_REWARD,%';
insert into campaign_action (tenant_id, campaign_id, action)
select tenant_id, id, 'REVISIT_PLAN' from campaign where concat(',', actions, ',') like '%,REVISIT_PLAN,%';

alter table campaign drop column actions;
