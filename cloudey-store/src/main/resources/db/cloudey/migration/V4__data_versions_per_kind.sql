-- Data versions per kind of data (DataKind): a write moves only the version of the kind it changed, so an
-- inventory sync no longer invalidates cached cost reports. Every version still comes from data_version_seq,
-- so a number is never reused, across kinds, accounts and account deletes. An account's existing version
-- carries over to every kind: it is not 0 (the account has data) and no later number can equal it.
alter table ${flyway:defaultSchema}.account_state
  add column inventory_version bigint not null default 0,
  add column costs_version     bigint not null default 0,
  add column metrics_version   bigint not null default 0;
update ${flyway:defaultSchema}.account_state
  set inventory_version = data_version, costs_version = data_version, metrics_version = data_version;
-- data_version is no longer read or written; it stays (nullable) so that processes still running the
-- previous release keep working during a rolling upgrade.
alter table ${flyway:defaultSchema}.account_state alter column data_version drop not null;
