-- A tier may give a coupon on upgrade: a code of a running campaign with a code per member, issued the night the
-- member reaches the tier.
alter table loyalty_tier add column upgrade_campaign_id bigint null;
