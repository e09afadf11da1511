-- Baseline of the uncached dashboard (ViewsBench): the same figures in bare SQL, no Java model.
-- Parameters: :account, :from (first day of the third complete month), :tomorrow (today + 1),
-- :month_start (first day of this month), :m1 :m2 :m3 (the three complete months' first days).
-- 1. cost per day and currency, from the third complete month to today (every total, the month
--    to date, last month's same days and the forecast's history): the three complete months,
--    closed in this bench, from their DAY rollups, this month from the day rollups (V10's
--    cost_day_rollup, kept equal to the lines at ingest)
select key, currency, cost from {s}.month_rollup
 where account_id = :account and dimension = 'DAY' and month in (:m1, :m2, :m3) order by cost desc, key, currency;
select to_char(day, 'YYYY-MM-DD'), currency, sum(cost) from {s}.cost_day_rollup
 where account_id = :account and day >= :month_start and day < :tomorrow group by 1, 2 order by sum(cost) desc, 1, 2;
-- 2. month to date by service and compartment (day rollups), in one statement as the view reads
--    it: the client sums it by service and by compartment (a few dozen rows)
select service, compartment_id, currency, sum(cost) from {s}.cost_day_rollup
 where account_id = :account and day >= :month_start and day < :tomorrow group by 1, 2, 3 order by sum(cost) desc, 1, 2, 3;
-- 3. the live compartment tree (names and paths)
select compartment_id, parent_id, name, path from {s}.compartment
 where account_id = :account and deleted_at is null order by path;
-- 4. live resources by type and state
select resource_type, lifecycle_state, count(*) from {s}.resource
 where account_id = :account and deleted_at is null group by 1, 2;
-- 5. the three months' status
select month, status from {s}.month_status where account_id = :account and month in (:m1, :m2, :m3);
