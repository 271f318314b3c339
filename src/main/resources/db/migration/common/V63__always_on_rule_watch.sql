-- Issue 18: an always-on campaign on a rule segment keeps the segment's members of its last night in
-- always_on_watch (as a P(alive) campaign keeps those under its threshold) and enrols the members not on that list.
-- It used to compare with its last run's members, which the recompute removes once two newer runs are kept (a
-- second recompute on the same day, a night whose campaigns failed), so that every member entered. The running rule
-- campaigns start with the members of their last run if the recompute keeps them, else of the current run.
delete from always_on_watch
 where exists (select 1 from always_on a
                 join always_on_version v on v.tenant_id = a.tenant_id and v.campaign_id = a.campaign_id
                                         and v.version = a.version
                where a.tenant_id = always_on_watch.tenant_id and a.campaign_id = always_on_watch.campaign_id
                  and v.trigger_kind = 'SEGMENT' and v.scheme = 'RULE');

insert into always_on_watch (tenant_id, campaign_id, customer_id)
select distinct a.tenant_id, a.campaign_id, m.customer_id
  from always_on a
  join always_on_version v on v.tenant_id = a.tenant_id and v.campaign_id = a.campaign_id and v.version = a.version
  join segmentation_state st on st.tenant_id = a.tenant_id
  join rule_segment r on r.tenant_id = a.tenant_id and r.seg_key = v.segment
  join rule_segment_member m on m.tenant_id = a.tenant_id and m.segment_id = r.id
                            and m.run_id = case when a.last_run_id = st.previous_run_id then a.last_run_id
                                                else st.current_run_id end
 where v.trigger_kind = 'SEGMENT' and v.scheme = 'RULE';
