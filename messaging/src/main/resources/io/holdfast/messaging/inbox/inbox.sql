-- The inbox table every service keeps in its own database (created by the service's own Flyway migrations:
-- authorization-service V1 + V2, capture-service V1 + V5 + V7; this file is the shape they converge on).
create table inbox (
    message_id          varchar(256) not null,  -- commandId, notificationId, eventId
    source              varchar(64)  not null,  -- which stream the id belongs to
    processed_at        timestamptz  not null,
    -- a command's content fingerprint (SHA-256 hex); null for other messages and rows written before fingerprints
    fingerprint         char(64),
    primary key (source, message_id)
);
