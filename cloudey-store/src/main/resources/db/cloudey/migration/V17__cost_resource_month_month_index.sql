-- The per-resource monthly rollups (V9) are derived data that only the ingest writes: in the transaction that holds
-- the account's state row, it deletes a month's rows and inserts them again from one statement that groups the
-- month's lines by the key, so each (month, resource, service, SKU, unit, currency) is there once by construction.
-- Every reader and the delete ask for (account_id, month). The eight-column primary key added nothing to that but
-- its upkeep: a B-tree entry of six text columns compared with the database's collation for each inserted row, 4-7 s
-- of a 39-42 s store ingest on the ingest benchmark (2 million lines, every line its own key). An index on
-- (account_id, month) serves every reader, and its duplicate keys are stored once (B-tree deduplication).
alter table ${flyway:defaultSchema}.cost_resource_month drop constraint cost_resource_month_pkey;
create index cost_resource_month_month_idx on ${flyway:defaultSchema}.cost_resource_month (account_id, month);
