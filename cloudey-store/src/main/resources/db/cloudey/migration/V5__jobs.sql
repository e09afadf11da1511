-- Background jobs (Job, JobRecord): persisted so any process sharing the database can follow one by id.
-- The id alone is the key, since a server looks a job up without knowing its account.
create table ${flyway:defaultSchema}.job (
  job_id         text        primary key,
  account_id     text        not null,
  kind           text        not null,
  state          text        not null,
  progress_done  bigint      not null,
  progress_total bigint      not null,
  items_seen     bigint      not null,
  created_at     timestamptz not null,
  started_at     timestamptz,
  finished_at    timestamptz,
  result         jsonb       not null,
  error          text,
  constraint job_state_check
    check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'ABANDONED')),
  constraint job_finished_check check ((state in ('QUEUED', 'RUNNING')) = (finished_at is null))
);
create index job_account_created_idx on ${flyway:defaultSchema}.job (account_id, created_at desc);

-- A sync run whose job was cancelled ends CANCELLED.
alter table ${flyway:defaultSchema}.sync_run
  drop constraint sync_run_state_check,
  add constraint sync_run_state_check
    check (state in ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED', 'CANCELLED'));
