-- The outbox table every service keeps in its own database (created by the service's own Flyway migrations:
-- authorization-service V1 + V3, capture-service V1 + V6; this file is the shape they converge on, and the one the
-- messaging module's tests create). Shaped like Spring Modulith's event publication table.
create table outbox (
    id                      uuid         primary key,  -- the event id (consumers deduplicate on it; header eventId)
    seq                     bigserial    not null unique, -- commit order within a key
    aggregate_type          varchar(64)  not null,     -- the topic
    aggregate_id            varchar(64)  not null,     -- the Kafka key (paymentRequestId); '' for none
    event_type              varchar(64)  not null,     -- header eventType
    payload                 bytea        not null,     -- Avro binary of the record to send
    publication_date        timestamptz  not null,
    completion_date         timestamptz,               -- null until Kafka acknowledged the row: "unpublished"
    status                  varchar(16)  not null default 'PENDING', -- PENDING / COMPLETED (for people; the relay
                                                       -- reads completion_date)
    completion_attempts     integer      not null default 0,
    last_resubmission_date  timestamptz
);

-- the relay's work: unpublished rows in order, and the head (oldest unpublished row) of each key
create index outbox_unpublished on outbox (seq) where completion_date is null;
create index outbox_unpublished_by_key on outbox (aggregate_id, seq) where completion_date is null;
