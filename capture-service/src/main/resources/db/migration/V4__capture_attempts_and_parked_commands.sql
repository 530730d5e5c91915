-- Issue 12, item 10: every capture attempt, not only the first, is refused at or after the deadline.
--
-- capture_requested_at is the FIRST attempt (the age of an unconfirmed capture); a re-send after an inquiry found
-- nothing, or after a crash, wrote no time of its own, so attempt_before_deadline checked only the first one.
-- last_attempt_at is written with every attempt row (before the call). The service sends nothing unless
-- now + request timeout + clock-skew allowance (2 min by default) is before the deadline; the database cannot know
-- those settings, so it holds the floor that no configuration can lower: no attempt row at or after the deadline.
alter table capture_schedule add column last_attempt_at timestamptz;

-- rows written before this migration: the first attempt is the latest one known (no capture_request_id changes)
update capture_schedule set last_attempt_at = capture_requested_at where capture_requested_at is not null;

alter table capture_schedule add constraint every_attempt_before_deadline
    check (last_attempt_at is null or last_attempt_at < deadline);

alter table capture_schedule add constraint attempts_in_order
    check ((capture_requested_at is null) = (last_attempt_at is null)
        and (last_attempt_at is null or last_attempt_at >= capture_requested_at));

-- Issue 12, item 5: once a capture's outcome was unknown (timeout, U, an attempt in flight at a crash, a re-send),
-- a later refusal (F) is verified by inquiryPayment before CaptureFailed is published: the first attempt may have
-- succeeded at Antom. Rows written before this migration: an unknown state now, or more than one attempt, is the
-- evidence available.
alter table capture_schedule add column capture_unknown_seen boolean not null default false;

update capture_schedule set capture_unknown_seen = true
    where status = 'CAPTURE_UNKNOWN' or last_attempt_at > capture_requested_at;

-- Issue 12, item 6: a CapturePayment for a payment this service has not seen yet (its PaymentAuthorized, on another
-- topic, lags behind) is parked here in the same transaction as its inbox record, applied in arrival order by the
-- transaction that opens the payment's schedule row, and rejected (UNKNOWN_PAYMENT) only after the parking time
-- (holdfast.capture.command-parking.timeout, 1 h). Ids are text: a command is parked whatever its id's length.
create table parked_capture_command (
    command_id         text         primary key,
    payment_request_id text         not null,
    merchant_id        text,
    amount_minor       bigint       not null,
    currency           text         not null,
    capture_at         timestamptz,
    received_at        timestamptz  not null,
    seq                bigserial    not null -- arrival order
);

create index parked_capture_command_payment on parked_capture_command (payment_request_id);
create index parked_capture_command_received on parked_capture_command (received_at);
