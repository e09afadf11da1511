-- Store identity: one random id for this store (this database and schema), drawn once when the schema is
-- migrated and never changed. Cloudey's query cache keys carry it (cloudey:v1:{storeId}:{account}:...), so
-- deployments sharing one Redis never read each other's results, even for the same account id at the same
-- data version. A copy of the database (a restore, a clone) keeps the id: give a copy that shares a Redis
-- with its original a new one (update <schema>.store_identity set store_id = gen_random_uuid()::text).
-- gen_random_uuid() is built in from PostgreSQL 13.
create table ${flyway:defaultSchema}.store_identity (
  singleton  boolean     primary key default true check (singleton),
  store_id   text        not null,
  created_at timestamptz not null default now()
);
insert into ${flyway:defaultSchema}.store_identity (store_id) values (gen_random_uuid()::text);
