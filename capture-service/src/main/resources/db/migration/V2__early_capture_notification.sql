-- notifyCaptures that arrived before their PaymentAuthorized (Antom captures an AUTOMATIC payment right after
-- authorizing it, and the two messages travel on different topics). Parked in the same transaction as their inbox
-- record, applied and deleted in the transaction that opens the payment's schedule row, purged after a retention.

create table early_capture_notification (
    notification_id    varchar(128) primary key,
    payment_id         varchar(64)  not null,
    capture_request_id varchar(64),
    capture_id         varchar(64),
    succeeded          boolean      not null,
    result_code        varchar(64),
    result_message     text,
    amount_minor       bigint       not null,
    currency           char(3)      not null,
    capture_time       timestamptz,
    received_at        timestamptz  not null,
    seq                bigserial    not null -- arrival order
);

create index early_capture_notification_payment on early_capture_notification (payment_id);
create index early_capture_notification_received on early_capture_notification (received_at);
