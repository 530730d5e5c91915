-- A ChangeDeadlinePolicy for a payment this service has not seen yet (the merchant sent the policy right after its
-- AuthorizePayment, and the PaymentAuthorized on payments.events lags behind) is parked like an early CapturePayment
-- (V4): in the same table, so that one payment's parked commands of both kinds are applied in arrival order (seq) by
-- the transaction that opens its schedule row, under the same advisory lock, and one that never meets its
-- authorization is rejected (UNKNOWN_PAYMENT) after the same parking timeout. Rows written before this migration are
-- CapturePayments. The default stays: during a rolling update the replicas of the previous version still park
-- captures without naming a kind.
alter table parked_capture_command add column kind text not null default 'CAPTURE';
alter table parked_capture_command alter column amount_minor drop not null;
alter table parked_capture_command alter column currency drop not null;
alter table parked_capture_command add column policy text;
alter table parked_capture_command add column reason text;
alter table parked_capture_command add column operator_id text;

alter table parked_capture_command add constraint parked_command_shape check (
    (kind = 'CAPTURE' and amount_minor is not null and currency is not null and policy is null and reason is null
        and operator_id is null)
    or (kind = 'POLICY_CHANGE' and policy in ('CAPTURE', 'VOID', 'EXPIRE') and amount_minor is null
        and currency is null and capture_at is null));
