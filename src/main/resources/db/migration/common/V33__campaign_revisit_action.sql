-- Issue 18: a campaign's revisit-plan action. The campaign names the revisit plan whose channel and script its
-- tasks use; at launch the follow-up module makes the campaign a plan of its own (kind CAMPAIGN, never generated at
-- night, one per campaign) and gives each target member a task of it.
alter table campaign add column revisit_plan_id bigint null;
alter table revisit_plan add column campaign_id bigint null;
create unique index uk_revisit_plan_campaign on revisit_plan (tenant_id, campaign_id);
