-- Cloudey store schema, version 1. Append-only once landed: change the schema with a new V<n> file.
-- Every table carries account_id and every primary key starts with it, so each statement the store runs
-- (always filtered by account_id) uses an index and one account never reads another's rows.
-- No foreign keys to account: stores may hold data of an account before (or without) its registration,
-- and deleting an account deletes from every table explicitly, in one transaction.

-- Registered accounts (AccountStore). Never holds a secret.
create table ${flyway:defaultSchema}.account (
  account_id   text        primary key,
  provider     text        not null,
  display_name text        not null,
  home_region  text        not null,
  created_at   timestamptz not null
);

-- Credentials: non-secret properties in clear, secret ones AES-256-GCM encrypted (Tink) with the account
-- id as associated data; key_id names the host application's key that encrypted them (for rotation).
create table ${flyway:defaultSchema}.account_credentials (
  account_id        text        primary key,
  provider          text        not null,
  public_properties jsonb       not null,
  secret_keys       text[]      not null,
  secret_ciphertext bytea,
  key_id            text,
  updated_at        timestamptz not null,
  check ((secret_ciphertext is null) = (key_id is null))
);

-- Per-account data version (keys the query cache) and bookkeeping. Versions come from one sequence, so a
-- number is never reused, even after an account is deleted and re-created.
create sequence ${flyway:defaultSchema}.data_version_seq;
create table ${flyway:defaultSchema}.account_state (
  account_id     text        primary key,
  data_version   bigint      not null,
  last_ingest_at timestamptz
);

create table ${flyway:defaultSchema}.compartment (
  account_id      text        not null,
  compartment_id  text        not null,
  parent_id       text,
  name            text        not null,
  path            text        not null,
  lifecycle_state text        not null,
  seen_at         timestamptz not null,
  deleted_at      timestamptz,
  primary key (account_id, compartment_id)
);

-- One table for every resource type: typed columns for what engines read, JSONB for tags and raw attributes.
create table ${flyway:defaultSchema}.resource (
  account_id            text        not null,
  resource_id           text        not null,
  provider              text        not null,
  resource_type         text        not null,
  name                  text        not null,
  region                text        not null,
  availability_domain   text,
  compartment_id        text        not null,
  lifecycle_state       text        not null,
  time_created          timestamptz,
  shape                 text,
  ocpus                 numeric,
  memory_gb             numeric,
  size_gb               numeric,
  vpus_per_gb           integer,
  attached_to           text,
  source_id             text,
  storage_tier          text,
  object_count          bigint,
  bandwidth_min_mbps    integer,
  bandwidth_max_mbps    integer,
  backend_count         integer,
  healthy_backend_count integer,
  tags                  jsonb       not null,
  attributes            jsonb       not null,
  first_seen_at         timestamptz not null,
  seen_at               timestamptz not null,
  deleted_at            timestamptz,
  primary key (account_id, resource_id)
);
create index resource_scope_idx
  on ${flyway:defaultSchema}.resource (account_id, region, compartment_id, resource_type);

-- Daily cost lines. The primary key is the natural key (account, day, every dimension), so a day can never
-- hold the same line twice; its (account_id, day) prefix serves deletes and range reads by period.
-- Money is numeric (exact), the currency comes from the data.
create table ${flyway:defaultSchema}.cost_line (
  account_id       text    not null,
  day              date    not null,
  service          text    not null,
  sku_part_number  text    not null,
  sku_name         text    not null,
  unit             text    not null,
  region           text    not null,
  compartment_id   text    not null,
  resource_id      text    not null,
  compartment_path text    not null,
  quantity         numeric not null,
  cost             numeric not null,
  currency         text    not null,
  unit_price       numeric,
  list_rate        numeric,
  discount         numeric,
  tags             jsonb,
  primary key (account_id, day, service, sku_part_number, sku_name, unit, region, compartment_id, resource_id)
);

-- Month lifecycle. Only CLOSED rows are written by month close; OPEN and SETTLING are implied otherwise.
create table ${flyway:defaultSchema}.month_status (
  account_id text        not null,
  month      date        not null,
  status     text        not null check (status in ('OPEN', 'SETTLING', 'CLOSED')),
  closed_at  timestamptz,
  lines      bigint      not null,
  primary key (account_id, month)
);

-- Rollups of a closed month, one row per (dimension, key, currency).
create table ${flyway:defaultSchema}.month_rollup (
  account_id text    not null,
  month      date    not null,
  dimension  text    not null,
  key        text    not null,
  currency   text    not null,
  cost       numeric not null,
  lines      bigint  not null,
  primary key (account_id, month, dimension, key, currency)
);

create table ${flyway:defaultSchema}.metric_daily (
  account_id  text             not null,
  resource_id text             not null,
  metric      text             not null,
  day         date             not null,
  mean        double precision,
  max         double precision,
  p95         double precision,
  samples     integer          not null,
  primary key (account_id, resource_id, metric, day)
);
create index metric_daily_day_idx on ${flyway:defaultSchema}.metric_daily (account_id, day);

create table ${flyway:defaultSchema}.sync_run (
  account_id       text        not null,
  run_id           text        not null,
  kind             text        not null,
  started_at       timestamptz not null,
  finished_at      timestamptz,
  scopes_total     integer     not null,
  scopes_completed integer     not null,
  counts           jsonb       not null,
  failures         jsonb       not null,
  error            text,
  primary key (account_id, run_id)
);
create index sync_run_started_idx on ${flyway:defaultSchema}.sync_run (account_id, started_at desc);
