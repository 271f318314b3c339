-- Issue 19: a customer file's marketing consent per channel (SMS, e-mail) and the time it was given, staged with the
-- customer and recorded by the delivery module (its marketing_consent table) with the import as source.
alter table import_stage_customer add column sms_consent boolean null;
alter table import_stage_customer add column email_consent boolean null;
alter table import_stage_customer add column consent_at datetime(6) null;
