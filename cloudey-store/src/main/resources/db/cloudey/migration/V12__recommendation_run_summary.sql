-- Each advisor run keeps its summary beside it (RecommendationStore.summary): counts, savings and what the run
-- before it found that this one no longer does, computed when the run is saved. The dashboard reads this small
-- document instead of the two newest runs whole (tens of MB of JSONB for an account with 100k resources).
-- finding_ids are the run's recommendation ids, so the next run's summary compares with them without reading
-- this run's body. compared_with is the run the summary was compared with: a reader checks it is still the run
-- before (a run saved later with an older generated_at would make it stale) and otherwise computes the summary
-- from the two runs. Runs saved before this migration have none of the three and are summarised that way too.
alter table ${flyway:defaultSchema}.recommendation_run
  add column finding_ids   text[],
  add column summary       jsonb,
  add column compared_with text;
