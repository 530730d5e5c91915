-- The console's login sessions, shared by every replica (a rolling update, a restart or an eviction logs no one out).
-- Not derived from payments.events and not truncated by --rebuild; a row lives until logout, its idle timeout, or
-- the purge. To log everyone out: delete from console_session; one login: ... where principal = '<login>'.
create table console_session (
    id_hash             char(64)     primary key,   -- SHA-256 (hex) of the session id: a row read elsewhere opens nothing
    principal           varchar(256),               -- the login, once logged in (null on the login page)
    created_at          timestamptz  not null,
    last_access_at      timestamptz  not null,      -- written at most once per touch interval (README)
    max_idle_seconds    bigint       not null,
    expires_at          timestamptz  not null,      -- last_access_at + max_idle_seconds
    attributes          bytea        not null       -- the session's attributes, written by SessionAttributes only
);
create index console_session_expires on console_session (expires_at);
