-- A run's body (V14, V18) is stored as the UTF-8 bytes of its JSON cut into parts of at most 1 MiB, one row each,
-- instead of one text value. PostgreSQL handles a value of tens of megabytes in buffers as large, which its backend
-- allocates afresh on every insert: for the 27 MB body of the 100k-resource advisor benchmark (26,578 findings),
-- about 34,000 page faults and 0.2 s of kernel time, 0.38-0.74 s per insert from Java in all (a test program, six
-- inserts). The same bytes in 1 MiB parts, one batch: 500 page faults, 35-45 ms. Each part is compressed on its own
-- (lz4 where the server has it, as V18): 1.91 MB stored instead of 1.89.
--
-- To read a body with SQL: convert_from(string_agg(bytes, '' order by part), 'UTF8')::jsonb, grouped by run.
create table ${flyway:defaultSchema}.recommendation_run_part (
  account_id text    not null,
  run_id     text    not null,
  part       integer not null,
  bytes      bytea   not null,
  primary key (account_id, run_id, part),
  foreign key (account_id, run_id)
    references ${flyway:defaultSchema}.recommendation_run (account_id, run_id) on delete cascade
);

do $$
begin
  alter table ${flyway:defaultSchema}.recommendation_run_part alter column bytes set compression lz4;
exception when feature_not_supported then
  raise notice 'this PostgreSQL has no lz4: recommendation_run_part.bytes keeps pglz';
end
$$;

-- runs saved before V12 take their finding ids from their body now, once, so no query reads a body any more
update ${flyway:defaultSchema}.recommendation_run
  set finding_ids = array(select jsonb_array_elements_text(
    jsonb_path_query_array(cast(body as jsonb), '$.recommendations[*].id')))
  where finding_ids is null;
alter table ${flyway:defaultSchema}.recommendation_run alter column finding_ids set not null;

-- a body stored before is one part
insert into ${flyway:defaultSchema}.recommendation_run_part (account_id, run_id, part, bytes)
  select account_id, run_id, 0, convert_to(body, 'UTF8') from ${flyway:defaultSchema}.recommendation_run;

alter table ${flyway:defaultSchema}.recommendation_run drop column body;
