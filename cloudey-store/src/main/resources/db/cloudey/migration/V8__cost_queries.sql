-- Cost queries: freshness per month and rollups by SKU name. Append-only once landed.
-- Tag queries need no new index: they left-join each line with its resource by the resource primary key
-- (account_id, resource_id). EXPLAIN ANALYZE on 600k lines of one month and 20k resources: a hash join
-- whose build side is the account's resources (~60 ms), under the same parallel scan of cost_line a
-- plain group-by does (700 ms against 345 ms for group-by service alone); every line's tag is needed,
-- so no index on the tags would spare the scan.

-- When an ingest last replaced days of each month, whether or not its lines changed (the freshness a
-- cost report carries). Months ingested before this version have no row: their refresh time is unknown
-- until the next refresh.
create table ${flyway:defaultSchema}.month_refresh (
  account_id   text        not null,
  month        date        not null,
  refreshed_at timestamptz not null,
  primary key (account_id, month)
);

-- CostDimension.SKU_NAME is new: months closed before it get its rollups from their lines, which a
-- closed month keeps unchanged (an ingest that changes them reopens the month), exactly as month close
-- computes them.
insert into ${flyway:defaultSchema}.month_rollup (account_id, month, dimension, key, currency, cost, lines)
select l.account_id, s.month, 'SKU_NAME', l.sku_name, l.currency, sum(l.cost), count(*)
  from ${flyway:defaultSchema}.month_status s
  join ${flyway:defaultSchema}.cost_line l
    on l.account_id = s.account_id and l.day >= s.month and l.day < (s.month + interval '1 month')::date
 where s.status = 'CLOSED'
 group by l.account_id, s.month, l.sku_name, l.currency;
