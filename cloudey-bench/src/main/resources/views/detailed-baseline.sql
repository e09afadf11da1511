-- Baseline of the uncached detailed costs (ViewsBench): the same figures in bare SQL.
-- Parameters: :account, :m1 :m2 :m3 (the three complete months' first days).
-- 0. the settings the store gives a read of rollups only (PgCostStore.ROLLUP_READ_SETTINGS)
select set_config('max_parallel_workers_per_gather', '0', false), set_config('work_mem', '32MB', false);
-- 1. each of the three months by compartment, service and resource, one statement a month as the
--    view reads them: closed in this bench, so from their close-time rollups by every dimension but
--    the day (V10's month_rollup_detail). One month selects about 8 % of the table, so PostgreSQL
--    reads it through the primary key (account_id, month, ...) instead of scanning the table, as
--    one statement over the three months did (before 2026-12-04's second update of these rows)
select compartment_id, service, resource_id, currency, sum(cost)
  from {s}.month_rollup_detail where account_id = :account and month = :m1
 group by 1, 2, 3, 4 order by sum(cost) desc, 1, 2, 3, 4;
select compartment_id, service, resource_id, currency, sum(cost)
  from {s}.month_rollup_detail where account_id = :account and month = :m2
 group by 1, 2, 3, 4 order by sum(cost) desc, 1, 2, 3, 4;
select compartment_id, service, resource_id, currency, sum(cost)
  from {s}.month_rollup_detail where account_id = :account and month = :m3
 group by 1, 2, 3, 4 order by sum(cost) desc, 1, 2, 3, 4;
-- 2. the live compartment tree
select compartment_id, parent_id, name, path from {s}.compartment
 where account_id = :account and deleted_at is null order by path;
-- 3. every resource, live or deleted (names, types, states)
select resource_id, resource_type, name, lifecycle_state, deleted_at is not null from {s}.resource
 where account_id = :account order by resource_id;
