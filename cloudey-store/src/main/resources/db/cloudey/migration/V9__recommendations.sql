-- Advisor runs (RecommendationStore): each run is kept whole as a snapshot (its recommendations, failed rules
-- and reconciliation as JSONB), so history and "resolved since the last run" are visible. Keyed by account
-- first like every table; deleting an account deletes its runs (PgAccountStore covers every account_id table).
-- Saving a run moves the account's recommendations data version, which views showing recommendations key on.

alter table ${flyway:defaultSchema}.account_state
  add column recommendations_version bigint not null default 0;
-- as V4 did for every kind: an account with data gets a number already drawn (so never 0, and never a number
-- a later write can draw); no cache entry can be keyed by it, since the kind did not exist before
update ${flyway:defaultSchema}.account_state
  set recommendations_version = greatest(inventory_version, costs_version, metrics_version);

create table ${flyway:defaultSchema}.recommendation_run (
  account_id     text        not null,
  run_id         text        not null,
  generated_at   timestamptz not null,
  recommendation_count integer not null,
  body           jsonb       not null,
  primary key (account_id, run_id)
);
create index recommendation_run_newest_idx
  on ${flyway:defaultSchema}.recommendation_run (account_id, generated_at desc, run_id collate "C" desc);

-- Per-resource monthly cost rollups, kept up to date in the cost ingest transaction (every month whose lines
-- changed is recomputed), so the advisor reads a few rows per resource instead of scanning cost lines. One row
-- per (month, resource, service, SKU, currency); lines without a resource are not rolled up here.
create table ${flyway:defaultSchema}.cost_resource_month (
  account_id      text    not null,
  month           date    not null,
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
  days            integer not null,
  primary key (account_id, month, resource_id, service, sku_part_number, sku_name, unit, currency)
);
insert into ${flyway:defaultSchema}.cost_resource_month
  select account_id, date_trunc('month', day::timestamp)::date, resource_id, service, sku_part_number, sku_name,
         unit, currency, sum(cost), sum(quantity), min(day), max(day), count(distinct day)
  from ${flyway:defaultSchema}.cost_line where resource_id <> ''
  group by 1, 2, 3, 4, 5, 6, 7, 8;
