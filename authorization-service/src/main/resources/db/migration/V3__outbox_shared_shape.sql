-- The outbox now belongs to the shared messaging module (io.holdfast.messaging.outbox, its outbox.sql): one table
-- shape and one relay in every service. Column names are unchanged, so pending rows written before this migration
-- are relayed as before. A row is unpublished while completion_date is null (here that always matched
-- status = 'PENDING'); the relay claims the oldest unpublished row of each key (aggregate_id = paymentRequestId).
update outbox set aggregate_id = '' where aggregate_id is null;
alter table outbox alter column aggregate_id set not null;
alter table outbox alter column status set default 'PENDING';

drop index outbox_pending;
create index outbox_unpublished on outbox (seq) where completion_date is null;
create index outbox_unpublished_by_key on outbox (aggregate_id, seq) where completion_date is null;
