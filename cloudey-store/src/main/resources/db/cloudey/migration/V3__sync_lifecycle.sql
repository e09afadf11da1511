-- Sync lifecycle: what a sync run deleted with deleted compartments.

alter table ${flyway:defaultSchema}.sync_run
  add column compartments_deleted                 integer not null default 0,
  add column resources_deleted_with_compartments integer not null default 0;
