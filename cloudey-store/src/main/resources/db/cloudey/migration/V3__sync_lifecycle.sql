-- Sync lifecycle: an explicit state for sync runs, and what a run deleted with deleted compartments.

-- RUNNING exactly while finished_at is null. Runs written before this version: finished with an error
-- is FAILED, finished without SUCCEEDED; one still RUNNING is abandoned when its account's lock is next
-- taken, like any other.
alter table ${flyway:defaultSchema}.sync_run
  add column state                               text,
  add column compartments_deleted                integer not null default 0,
  add column resources_deleted_with_compartments integer not null default 0;
update ${flyway:defaultSchema}.sync_run
  set state = case when finished_at is null then 'RUNNING'
                   when error is not null then 'FAILED'
                   else 'SUCCEEDED' end;
alter table ${flyway:defaultSchema}.sync_run
  alter column state set not null,
  add constraint sync_run_state_check
    check (state in ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED')),
  add constraint sync_run_finished_check check ((state = 'RUNNING') = (finished_at is null));
