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
