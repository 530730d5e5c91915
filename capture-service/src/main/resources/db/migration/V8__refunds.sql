-- Issue 17: refunds of captured payments (docs/adr/0001-refund-owner.md). capture-service owns them: it holds the
-- captured amount and the captureId.
--
-- The refund position lives on the payment's schedule row, so one row lock serializes every refund of a payment:
-- a RefundPayment reserves its amount (refund_pending_minor) with an update of that row in the transaction that
-- writes its attempt, and the database refuses any position where the refunds taken exceed the captured amount.
-- Two concurrent refunds for the last amount cannot both pass: the second one waits on the row lock, then sees the
-- first one's reservation. Refunds never touch status, due_at or version: a refund does not reopen a schedule.
alter table capture_schedule add column refunded_minor bigint not null default 0;
alter table capture_schedule add column refund_pending_minor bigint not null default 0;

alter table capture_schedule add constraint refunds_within_captured
    check (refunded_minor >= 0 and refund_pending_minor >= 0
        and refunded_minor + refund_pending_minor <= amount_minor);

-- only a captured payment has anything to refund (the captured amount is the row's amount: one capture, exact)
alter table capture_schedule add constraint refunds_only_when_captured
    check (status = 'CAPTURED' or (refunded_minor = 0 and refund_pending_minor = 0));

-- One row per refund, written (REQUESTED) before Antom is called: a row that is not final means "may have been sent"
-- and is resolved by inquiryRefund, never by a guess. refund_request_id is Antom's idempotency key.
create table refund_attempt (
    refund_request_id  varchar(64)  primary key,
    payment_request_id varchar(64)  not null references capture_schedule (payment_request_id),
    payment_id         varchar(64)  not null,
    merchant_id        varchar(64),
    command_id         varchar(128) not null,
    amount_minor       bigint       not null check (amount_minor > 0),
    currency           char(3)      not null,
    reason             varchar(256),
    capture_id         varchar(64),
    status             varchar(16)  not null
        check (status in ('REQUESTED', 'PENDING', 'UNKNOWN', 'SUCCEEDED', 'FAILED')),
    refund_id          varchar(64),
    result_code        varchar(64),
    result_message     varchar(256),
    advice             varchar(32),
    requested_at       timestamptz  not null,
    refunded_at        timestamptz,
    -- when the reconciler looks at the row next (send, inquiry); null once it is final
    due_at             timestamptz,
    inquiries          integer      not null default 0,
    lease_owner        varchar(64),
    updated_at         timestamptz  not null,
    constraint refund_final_not_due check ((status in ('SUCCEEDED', 'FAILED')) = (due_at is null)),
    constraint refund_succeeded_has_time check ((status = 'SUCCEEDED') = (refunded_at is not null))
);

create index refund_attempt_due on refund_attempt (due_at) where due_at is not null;
create index refund_attempt_payment on refund_attempt (payment_request_id);
