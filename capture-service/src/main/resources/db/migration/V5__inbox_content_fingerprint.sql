-- A CapturePayment's commandId is remembered with a fingerprint of its content (SHA-256 hex of merchantId,
-- paymentRequestId, the payload's type and its Avro binary; never commandId or issuedAt). A redelivery with the same
-- fingerprint is a silent no-op; the same commandId with another fingerprint is refused with
-- CommandRejected(DUPLICATE_COMMAND_ID_CONFLICT). Rows of events and notifications, and command rows written before
-- this migration, have none: such an id is treated as a redelivery, as before.
alter table inbox add column fingerprint char(64);
