-- The outbox now belongs to the shared messaging module (io.holdfast.messaging.outbox, its outbox.sql): one table
-- shape and one relay in every service, the relay publishing each payment's events in commit order. Column names are
-- unchanged, so rows written before this migration are relayed as before. A row is unpublished while
-- completion_date is null; status now says so too (rows used to be written 'PUBLISHED' before they were).
update outbox set status = 'PENDING' where completion_date is null;
alter table outbox alter column status set default 'PENDING';
alter table outbox add constraint outbox_seq_key unique (seq);

drop index outbox_incomplete;
create index outbox_unpublished on outbox (seq) where completion_date is null;
create index outbox_unpublished_by_key on outbox (aggregate_id, seq) where completion_date is null;
