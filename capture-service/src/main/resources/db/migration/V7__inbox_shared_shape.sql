-- The inbox now belongs to the shared messaging module (io.holdfast.messaging.inbox, its inbox.sql): one table shape in
-- every service. authorization-service's ids were already allowed 256 characters; capture-service's were 128.
alter table inbox alter column message_id type varchar(256);
