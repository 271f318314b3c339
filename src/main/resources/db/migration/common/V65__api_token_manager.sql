-- Issue 20, data scope: an API token may be bound to an account manager. Its calls reach only that manager's
-- customers and the shared pool's, as the manager's screens do; a token without a manager is the company's.
alter table api_token add column manager_id bigint null;
alter table api_token add constraint fk_api_token_manager foreign key (manager_id) references user_account (id);
