-- Which days of the month each per-resource monthly rollup (V9) has lines on, so the advisor's trailing 30 days,
-- which never cover a whole month, read only a few days of lines: a partial month is answered as the month's
-- rollup minus the lines of its excluded days, and its days, first and last day come from the mask ANDed with the
-- window. Bit d - 1 is set when day d of the month has at least one of the row's lines (day 31 is bit 30, so the
-- mask is a positive integer). Kept by the ingest transaction with the rest of the row.
alter table ${flyway:defaultSchema}.cost_resource_month add column day_mask integer;

-- Backfill from the lines, which the rollups equal (the ingest recomputes every changed month). Rows are
-- recomputed whole, as V9 wrote them; a row left without a mask would fail the NOT NULL below.
update ${flyway:defaultSchema}.cost_resource_month r
   set day_mask = m.day_mask
  from (select account_id, date_trunc('month', day::timestamp)::date as month, resource_id, service,
               sku_part_number, sku_name, unit, currency,
               bit_or(1 << (extract(day from day)::integer - 1)) as day_mask
          from ${flyway:defaultSchema}.cost_line
         where resource_id <> ''
         group by 1, 2, 3, 4, 5, 6, 7, 8) m
 where r.account_id = m.account_id and r.month = m.month and r.resource_id = m.resource_id
   and r.service = m.service and r.sku_part_number = m.sku_part_number and r.sku_name = m.sku_name
   and r.unit = m.unit and r.currency = m.currency;

alter table ${flyway:defaultSchema}.cost_resource_month alter column day_mask set not null;
alter table ${flyway:defaultSchema}.cost_resource_month
  add constraint cost_resource_month_day_mask_check check (day_mask > 0);
