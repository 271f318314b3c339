-- Issue 19: the channels a campaign reaches its target members on, each with the company's message template for it
-- (campaign step 1: a one-off campaign has one step). At launch each becomes the outbox's messages.
create table campaign_message (
    tenant_id    bigint       not null,
    campaign_id  bigint       not null,
    channel      varchar(10)  not null,
    template_id  bigint       not null,
    link         varchar(500) null,
    primary key (tenant_id, campaign_id, channel),
    constraint fk_campaign_message_campaign foreign key (tenant_id, campaign_id) references campaign (tenant_id, id),
    constraint fk_campaign_message_template foreign key (tenant_id, template_id) references message_template (tenant_id, id)
);
