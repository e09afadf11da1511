-- Baseline of the uncached detailed costs (ViewsBench): the same figures in bare SQL.
-- Parameters: :account, :from (first day of the third complete month), :month_start (this month's).
-- 1. the three months by month, compartment, service and resource
select to_char(day, 'YYYY-MM'), compartment_id, service, resource_id, currency, sum(cost)
  from {s}.cost_line where account_id = :account and day >= :from and day < :month_start
 group by 1, 2, 3, 4, 5 order by sum(cost) desc, 1, 2, 3, 4, 5;
-- 2. the live compartment tree
select compartment_id, parent_id, name, path from {s}.compartment
 where account_id = :account and deleted_at is null order by path;
-- 3. every resource, live or deleted (names, types, states)
select resource_id, resource_type, name, lifecycle_state, deleted_at is not null from {s}.resource
 where account_id = :account order by resource_id;
