-- A run's body (V14) is its whole JSON: 23 MB for the 22,862 findings of the 100k-resource advisor benchmark, which
-- PostgreSQL compresses on insert. pglz, the default, took 100-160 ms of each insert there; lz4 16-75 ms, for a
-- stored size 16 % larger (1.62 MB instead of 1.39 MB). Saving is the last step of every advisor run, after the
-- rules, so this is wall time. Values already stored keep pglz (both read back alike).
--
-- lz4 needs a server built with it (most packaged builds are; the embedded PostgreSQL of the tests is not): there the
-- column keeps pglz and nothing else changes.
do $$
begin
  alter table ${flyway:defaultSchema}.recommendation_run alter column body set compression lz4;
exception when feature_not_supported then
  raise notice 'this PostgreSQL has no lz4: recommendation_run.body keeps pglz';
end
$$;
