-- capture-service schema: the capture schedule (one row per authorization), the outbox and the inbox.

create table capture_schedule (
    payment_request_id   varchar(64)  primary key,
    payment_id           varchar(64)  not null unique,
    merchant_id          varchar(64),
    amount_minor         bigint       not null check (amount_minor > 0),
    currency             char(3)      not null,
    capture_mode         varchar(16)  not null check (capture_mode in ('AUTOMATIC', 'MANUAL')),
    policy               varchar(16)  not null check (policy in ('CAPTURE', 'VOID', 'EXPIRE')),
    authorized_at        timestamptz  not null,
    deadline             timestamptz  not null,
    status               varchar(32)  not null,
    capture_at           timestamptz,
    capture_request_id   varchar(64),
    capture_requested_at timestamptz,
    capture_id           varchar(64),
    captured_at          timestamptz,
    last_warning_ms      bigint,
    next_action_at       timestamptz,
    deadline_missed      boolean      not null default false,
    -- when the scheduler must look at the row next (the next warning or action, or the end of a claim's lease);
    -- null once the row is terminal
    due_at               timestamptz,
    lease_owner          varchar(64),
    version              bigint       not null,
    updated_at           timestamptz  not null,
    -- money invariants, enforced by the database too:
    -- a capture (confirmed) exists only in CAPTURED; the captured amount is the row's amount (one column only)
    constraint captured_only_when_captured check ((status = 'CAPTURED') = (captured_at is not null)),
    -- the one capture of a MANUAL authorization uses the deterministic id cap-<paymentRequestId>
    constraint manual_capture_id check (capture_mode <> 'MANUAL' or capture_request_id is null
        or capture_request_id = 'cap-' || payment_request_id),
    -- nothing is ever sent after the deadline: a capture attempt row is written strictly before it
    constraint attempt_before_deadline check (capture_requested_at is null or capture_requested_at < deadline)
);

-- Finding due work stays flat as the backlog grows: only rows with a due time are in the index, in due order.
create index capture_schedule_due on capture_schedule (due_at) where due_at is not null;

create table outbox (
    id                     uuid         primary key,
    aggregate_type         varchar(64)  not null, -- the topic
    aggregate_id           varchar(64)  not null, -- the Kafka key (paymentRequestId)
    event_type             varchar(64)  not null,
    payload                bytea        not null, -- Avro binary of the envelope
    publication_date       timestamptz  not null,
    completion_date        timestamptz,
    status                 varchar(16)  not null default 'PUBLISHED',
    completion_attempts    integer      not null default 0,
    last_resubmission_date timestamptz,
    seq                    bigserial    not null
);

create index outbox_incomplete on outbox (seq) where completion_date is null;

create table inbox (
    message_id   varchar(128) not null,
    source       varchar(64)  not null,
    processed_at timestamptz  not null,
    primary key (source, message_id)
);
