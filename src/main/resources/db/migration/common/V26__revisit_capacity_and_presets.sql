-- Issue 17: an account manager's daily task capacity (no row: 8), and plans made by a preset.

create table revisit_capacity (
    tenant_id    bigint not null,
    user_id      bigint not null,
    daily_tasks  int    not null,
    primary key (tenant_id, user_id),
    constraint fk_revisit_capacity_tenant foreign key (tenant_id) references tenant (id)
);

-- The preset a plan was made by (ABC_A, ABC_B, ABC_C, BIRTHDAY), so that it is not added twice. A preset's name and
-- script are stored as message keys (revisit.preset.*), shown in the viewer's language until someone renames them.
alter table revisit_plan add column preset varchar(20) null;

-- Existing preset plans, in the English or Chinese text of the day they were added: to keys.
update revisit_plan set preset = 'ABC_A', name = 'revisit.preset.A.name'
 where kind = 'CADENCE' and scheme = 'ABC' and segment = 'A'
   and name in ('Tier A: monthly visit', 'A 类客户：每月拜访');
update revisit_plan set preset = 'ABC_B', name = 'revisit.preset.B.name'
 where kind = 'CADENCE' and scheme = 'ABC' and segment = 'B'
   and name in ('Tier B: half-monthly call', 'B 类客户：每半月电话');
update revisit_plan set preset = 'ABC_C', name = 'revisit.preset.C.name'
 where kind = 'CADENCE' and scheme = 'ABC' and segment = 'C'
   and name in ('Tier C: quarterly message', 'C 类客户：每季度消息');
update revisit_plan set preset = 'BIRTHDAY', name = 'revisit.preset.birthday.name'
 where kind = 'BIRTHDAY' and name in ('Birthday greeting', '生日祝福');
update revisit_plan set script = 'revisit.preset.A.script'
 where script in ('Visit in person (a senior manager). Thank them for their business, ask about next season''s needs and any problems with recent orders.',
                  '由资深经理上门拜访。感谢合作，了解下季度需求以及近期订单有无问题。');
update revisit_plan set script = 'revisit.preset.B.script'
 where script in ('Call to keep in touch. Ask what would make them order more, and mention the offers for growing customers.',
                  '电话保持联系。了解如何能让客户多下单，介绍成长客户的优惠。');
update revisit_plan set script = 'revisit.preset.C.script'
 where script in ('Send a short message with news and a current offer.', '发送简短消息，附上新品资讯和当前优惠。');
update revisit_plan set script = 'revisit.preset.birthday.script'
 where script in ('Send birthday wishes, with a small gift or coupon if they are a member.',
                  '送上生日祝福；如是会员，可附小礼品或优惠券。');
