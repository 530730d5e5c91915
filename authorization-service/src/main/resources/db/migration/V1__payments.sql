-- The payment aggregate of the authorization-service, its timeline, and the inbox/outbox written in the same
-- transactions as every state change.

create table payment (
    payment_request_id  varchar(64)  primary key,
    merchant_id         varchar(64),
    status              varchar(32)  not null,
    amount_minor        bigint       not null check (amount_minor > 0),
    currency            char(3)      not null,
    capture_mode        varchar(16)  not null,
    deadline_policy     varchar(16),
    fingerprint         varchar(128) not null,
    payment_id          varchar(64),
    authorized_at       timestamptz,
    auth_expiry_time    timestamptz,
    card_masked_no      varchar(32),
    card_brand          varchar(32),
    card_funding        varchar(32),
    card_issuing_country varchar(8),
    result_code         varchar(64),
    result_message      varchar(512),
    cancel_initiator    varchar(32),
    cancel_reason       varchar(512),
    cancelled_at        timestamptz,
    unresolved_since    timestamptz,
    reconcile_attempts  integer,
    next_check_at       timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null,
    constraint payment_status_known check (status in ('AUTH_REQUESTED', 'AUTH_PENDING', 'AUTHORIZED', 'AUTH_DECLINED',
        'AUTH_UNKNOWN', 'CANCEL_REQUESTED', 'CANCEL_UNKNOWN', 'VOIDED', 'CANCEL_FAILED')),
    -- an authorized payment always knows Antom's paymentId and authorization time
    constraint payment_authorized_has_facts check (status <> 'AUTHORIZED'
        or (payment_id is not null and authorized_at is not null))
);

create index payment_due_for_reconciliation on payment (next_check_at) where next_check_at is not null;

create table payment_transition (
    id                  bigserial    primary key,
    payment_request_id  varchar(64)  not null references payment (payment_request_id),
    from_status         varchar(32),
    to_status           varchar(32)  not null,
    trigger             varchar(48),
    cause_kind          varchar(32)  not null,
    causation_id        varchar(256),
    detail              varchar(1024),
    occurred_at         timestamptz  not null
);

create index payment_transition_by_payment on payment_transition (payment_request_id, id);

-- processed message ids (commandId, notificationId): a redelivery changes nothing
create table inbox (
    message_id          varchar(256) not null,
    source              varchar(64)  not null,
    processed_at        timestamptz  not null,
    primary key (source, message_id)
);

-- transactional outbox, shaped like Spring Modulith's event publication table; relayed to payments.events
create table outbox (
    id                      uuid         primary key,
    seq                     bigserial    not null unique,
    aggregate_type          varchar(64)  not null,
    aggregate_id            varchar(64),
    event_type              varchar(64)  not null,
    payload                 bytea        not null,
    publication_date        timestamptz  not null,
    completion_date         timestamptz,
    status                  varchar(16)  not null,
    completion_attempts     integer      not null default 0,
    last_resubmission_date  timestamptz
);

create index outbox_pending on outbox (seq) where status = 'PENDING';
