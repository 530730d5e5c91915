-- Issue 12, item 1: a MANUAL capture's captureRequestId fits Antom's 64 characters for every paymentRequestId.
--
-- The derivation (Authorization.captureRequestIdFor, pinned here so the database refuses any other id):
--   paymentRequestId of at most 60 bytes (UTF-8)  -> 'cap-'  || paymentRequestId                (unchanged, readable)
--   longer (61-64 characters, or multi-byte ones) -> 'caph-' || first 59 hex digits of SHA-256(UTF-8 bytes)
-- Both forms are at most 64 characters and start with 'cap'; they cannot meet ('cap-' vs 'caph').
--
-- Rows already scheduled keep their capture_request_id: this migration changes no data. A row that has an id may
-- have sent it to Antom, and a capture already sent must be retried and inquired with the SAME id, so an id is
-- never re-derived once written (Authorization.requested keeps it). Every id written so far is 'cap-' || id and
-- fit varchar(64), so its paymentRequestId has at most 60 characters: for ASCII ids (all the edge accepts) that
-- is the first form above, unchanged. A row with a 61-64 character id that could never be captured holds no
-- capture_request_id yet (the attempt row was refused), so its next attempt simply uses the new form.
-- The last disjunct keeps the one other shape an old row can hold: 'cap-' || id for a non-ASCII id of at most
-- 60 characters but more than 60 bytes (only reachable by a command that bypassed the edge's validation).

alter table capture_schedule drop constraint manual_capture_id;

alter table capture_schedule add constraint manual_capture_id check (capture_mode <> 'MANUAL'
    or capture_request_id is null
    or capture_request_id = case
        when octet_length(convert_to(payment_request_id, 'UTF8')) <= 60 then 'cap-' || payment_request_id
        else 'caph-' || left(encode(sha256(convert_to(payment_request_id, 'UTF8')), 'hex'), 59) end
    or (octet_length(convert_to(payment_request_id, 'UTF8')) > 60
        and capture_request_id = 'cap-' || payment_request_id));
