-- payment-view owns nothing: every row here is derived from payments.events and can be rebuilt from the topic
-- (see README: --rebuild). The console's audit table is the one exception: what operators did.

-- the inbox, messaging's shape (io/holdfast/messaging/inbox/inbox.sql): eventIds already projected
create table inbox (
    message_id          varchar(256) not null,
    source              varchar(64)  not null,
    processed_at        timestamptz  not null,
    fingerprint         char(64),
    primary key (source, message_id)
);

-- every event of every payment, as received (the timeline)
create table view_event (
    event_id            varchar(256) primary key,
    payment_request_id  varchar(256) not null,
    payment_id          varchar(256),
    merchant_id         varchar(256),
    occurred_at         timestamptz  not null,
    causation_id        varchar(256),
    type                varchar(256) not null,  -- the payload's record name, also for types this build does not know
    payload_json        text         not null   -- the payload rendered as JSON (timestamps ISO-8601, money in minor units)
);
create index view_event_payment on view_event (payment_request_id);
create index view_event_causation on view_event (causation_id);

-- one row per payment, folded from its timeline
create table view_payment (
    payment_request_id  varchar(256) primary key,
    payment_id          varchar(256),
    merchant_id         varchar(256),
    status              varchar(32)  not null,
    amount_minor        bigint,
    currency            varchar(3),
    capture_mode        varchar(16),
    card_masked         varchar(32),
    card_brand          varchar(32),
    deadline            timestamptz,
    deadline_policy     varchar(16),
    warnings_sent       int          not null,
    captured_minor      bigint,
    refunded_minor      bigint,
    refund_pending_minor bigint,
    refundable_minor    bigint,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create index view_payment_merchant_created on view_payment (merchant_id, created_at desc, payment_request_id desc);
create index view_payment_created on view_payment (created_at desc, payment_request_id desc);
create index view_payment_payment_id on view_payment (payment_id);
create index view_payment_open on view_payment (deadline) where status in ('AUTHORIZED', 'CAPTURE_SCHEDULED', 'CAPTURE_FAILED');

-- the console's audit trail: one row per operator action, before its command is published
create table console_action (
    command_id          varchar(64)  primary key,
    payment_request_id  varchar(256) not null,
    operator_id         varchar(64)  not null,
    action              varchar(32)  not null,
    detail              varchar(512),
    issued_at           timestamptz  not null
);
create index console_action_payment on console_action (payment_request_id);
