-- Running sums per day on each per-resource monthly rollup (V9), so any window that cuts a month is answered from
-- the rollups alone: no cost line is read. cum_cost[k] and cum_quantity[k] are the row's cost and quantity summed
-- over its lines up to and including the k-th day that has a line, in day order: the arrays are aligned with the set
-- bits of day_mask (V11), so cardinality = the number of days with a line, and the last element equals amount and
-- quantity. The sum over days a..b of a month is then cum[n(b)] - cum[n(a - 1)], where n(d) counts the row's days
-- with a line up to day d (bit_count of day_mask with the bits above d cleared) and cum[0] reads as 0.
--
-- Before this, a window cutting a month subtracted that month's excluded days' lines from its rollups (or summed its
-- included days' lines): up to 15 days of lines, 2.4 million on the 100k-resource advisor benchmark as of the 16th,
-- grouped by six text columns in 7 s. Needs PostgreSQL 14 or later (bit_count).
alter table ${flyway:defaultSchema}.cost_resource_month
  add column cum_cost numeric[],
  add column cum_quantity numeric[];

-- Backfill from the lines, which the rollups equal (the ingest recomputes every changed month).
update ${flyway:defaultSchema}.cost_resource_month r
   set cum_cost = s.cum_cost, cum_quantity = s.cum_quantity
  from (select account_id, month, resource_id, service, sku_part_number, sku_name, unit, currency,
               array_agg(cum_cost order by day) as cum_cost, array_agg(cum_quantity order by day) as cum_quantity
          from (select account_id, date_trunc('month', day::timestamp)::date as month, resource_id, service,
                       sku_part_number, sku_name, unit, currency, day,
                       sum(sum(cost)) over w as cum_cost, sum(sum(quantity)) over w as cum_quantity
                  from ${flyway:defaultSchema}.cost_line
                 where resource_id <> ''
                 group by account_id, 2, resource_id, service, sku_part_number, sku_name, unit, currency, day
                window w as (partition by account_id, date_trunc('month', day::timestamp)::date, resource_id,
                             service, sku_part_number, sku_name, unit, currency order by day)) d
         group by 1, 2, 3, 4, 5, 6, 7, 8) s
 where r.account_id = s.account_id and r.month = s.month and r.resource_id = s.resource_id
   and r.service = s.service and r.sku_part_number = s.sku_part_number and r.sku_name = s.sku_name
   and r.unit = s.unit and r.currency = s.currency;

alter table ${flyway:defaultSchema}.cost_resource_month alter column cum_cost set not null;
alter table ${flyway:defaultSchema}.cost_resource_month alter column cum_quantity set not null;
alter table ${flyway:defaultSchema}.cost_resource_month
  add constraint cost_resource_month_day_sums_check
  check (cardinality(cum_cost) = bit_count(day_mask::bit(32))
     and cardinality(cum_quantity) = cardinality(cum_cost));
