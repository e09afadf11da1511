-- Per-resource costs of one window, kept by the cost refresh (CostStore.refreshResourceCosts) so that the advisor
-- reads one row per resource and SKU of its trailing 30 days instead of computing them from the per-resource monthly
-- rollups: on the 100k-resource advisor benchmark that was 343,000 rollup rows of two months (about 200 MB of pages,
-- with their running sums) merged in Java, the longest read of a run. The rows are what the rollups give for the
-- window (the same computation, written with COPY).
--
-- cost_resource_window_state says which window the rows are of and at which costs version of the account
-- (account_state.costs_version, as data_version). A read for another window, or after any cost change (an ingest or
-- a month close moves the version), computes from the rollups as before: the kept rows are never served stale.
create table ${flyway:defaultSchema}.cost_resource_window (
  account_id      text    not null,
  resource_id     text    not null,
  service         text    not null,
  sku_part_number text    not null,
  sku_name        text    not null,
  unit            text    not null,
  currency        text    not null,
  amount          numeric not null,
  quantity        numeric not null,
  first_day       date    not null,
  last_day        date    not null,
  days            integer not null
);
create index cost_resource_window_account_idx on ${flyway:defaultSchema}.cost_resource_window (account_id);

create table ${flyway:defaultSchema}.cost_resource_window_state (
  account_id   text   primary key,
  window_start date   not null,
  window_end   date   not null,
  data_version bigint not null
);
