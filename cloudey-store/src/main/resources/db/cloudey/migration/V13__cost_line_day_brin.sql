-- A block-range index on (account_id, day) over cost_line. Lines are written a month at a time, so a range of
-- pages holds the lines of one account and a few days. The advisor's per-resource costs read a few days of lines
-- (the days a trailing window leaves out of a month, subtracted from that month's rollups) as a bitmap heap scan:
-- through this index the bitmap of their pages takes milliseconds, through the nine-column primary key it read
-- that key's pages for every line (on the 100k-resource benchmark, 479,340 lines of three days: 18 ms against
-- 1.9 s, both on a loaded machine). It is a few dozen pages for millions of lines and adds next to nothing to an
-- ingest; autosummarize keeps new ranges summarised as they fill. Where re-ingested months have mixed the pages,
-- it only grows less selective, and the planner can still take the primary key.
create index cost_line_day_brin on ${flyway:defaultSchema}.cost_line
  using brin (account_id, day) with (pages_per_range = 32, autosummarize = on);
