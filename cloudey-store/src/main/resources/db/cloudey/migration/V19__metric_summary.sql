-- Per-resource metric summaries of one window, kept by the metric sync (MetricStore.refreshSummaries) so that the
-- advisor reads one row per resource and metric instead of grouping every daily row of its window: 1.67 million rows
-- on the 100k-resource advisor benchmark, a hash aggregate on text keys that was PostgreSQL's largest cost of a run.
--
-- metric_summary_state says which window the rows summarise and at which metrics version of the account
-- (account_state.metrics_version, as data_version). A read for another window, or after the daily rows changed (a later upsert or
-- retention moves the version), groups the daily rows as before: the stored rows are never served stale.
create table ${flyway:defaultSchema}.metric_summary (
  account_id     text             not null,
  resource_id    text             not null,
  metric         text             not null,
  days_with_data integer          not null,
  samples        bigint           not null,
  mean           double precision,
  max            double precision,
  p95            double precision,
  last_day       date,
  primary key (account_id, resource_id, metric)
);

create table ${flyway:defaultSchema}.metric_summary_state (
  account_id      text   primary key,
  window_start    date   not null,
  window_end      date   not null,
  data_version    bigint not null
);
