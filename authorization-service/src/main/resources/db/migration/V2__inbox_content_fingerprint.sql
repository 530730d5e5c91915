-- A command's id is remembered with a fingerprint of its content (SHA-256 hex of merchantId, paymentRequestId, the
-- payload's type and its Avro binary; never commandId or issuedAt). A redelivery with the same fingerprint is a silent
-- no-op; the same commandId with another fingerprint is refused with CommandRejected(DUPLICATE_COMMAND_ID_CONFLICT).
-- Rows written before this migration (and notification rows, whose id already is a hash of the content) have none:
-- a command id without a fingerprint is treated as a redelivery, as before.
alter table inbox add column fingerprint char(64);
