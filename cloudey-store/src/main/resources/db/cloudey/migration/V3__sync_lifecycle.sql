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

-- What the sync tracks about each resource (Resource.Tracking; first_seen_at is in V1): since when it has
-- been in its lifecycle state, and since when a block or boot volume has been seen without an attachment.
-- Rows written before this version are backfilled from their last listing (seen_at), the latest time the
-- state is known to hold: a later start can only delay a rule such as "stopped for 7 days", never fire it
-- early.
alter table ${flyway:defaultSchema}.resource
  add column state_since      timestamptz,
  add column unattached_since timestamptz;
update ${flyway:defaultSchema}.resource
  set state_since = seen_at,
      unattached_since = case when resource_type in ('BLOCK_VOLUME', 'BOOT_VOLUME') and attached_to is null
                              then seen_at end;
alter table ${flyway:defaultSchema}.resource
  alter column state_since set not null;
