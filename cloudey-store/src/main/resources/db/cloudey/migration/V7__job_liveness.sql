-- Job liveness and cross-process cancel (JobRecord.owner, heartbeatAt, cancelRequested).
-- The Cloudey instance running a job (owner) refreshes heartbeat_at periodically; an unfinished job whose heartbeat
-- is older than the staleness timeout is marked ABANDONED by any instance. A cancel request from any process is a
-- flag the owner reads with its heartbeat.
-- Jobs written before this migration get their start (or creation) as heartbeat and an owner that never beats, so
-- the first sweep abandons those still unfinished: no process of this version runs them.
alter table ${flyway:defaultSchema}.job
  add column owner            text        not null default 'unknown (written before V7)',
  add column heartbeat_at     timestamptz,
  add column cancel_requested boolean     not null default false;
update ${flyway:defaultSchema}.job set heartbeat_at = coalesce(started_at, created_at);
alter table ${flyway:defaultSchema}.job
  alter column heartbeat_at set not null,
  alter column owner drop default;
-- the sweep looks only at unfinished jobs, by heartbeat
create index job_unfinished_heartbeat_idx on ${flyway:defaultSchema}.job (heartbeat_at)
  where state in ('QUEUED', 'RUNNING');
