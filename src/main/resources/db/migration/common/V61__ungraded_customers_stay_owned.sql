-- Issue 20, a default that lost data: customers without a grade (buyers, not prospects) went back to the shared pool
-- after 30 days without a follow-up log, so every account manager lost every customer they had not logged within a
-- month. Now 0 means never, and is the default; the 30 that V54 wrote into every company this same day was nobody's
-- choice and becomes 0.
alter table sales_settings alter column return_none_days set default 0;
update sales_settings set return_none_days = 0 where return_none_days = 30;
