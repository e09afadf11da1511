-- An advisor run's body is kept as the JSON text the store writes (Jackson), not as jsonb. Nothing queries inside
-- it, and jsonb cost a parse on every save and a print on every read: for a 21 MB run of 21,488 recommendations
-- (the 100k-resource benchmark) about 1.5 s to store and 1.3 s to read back as text under load, against tens of
-- milliseconds as text, which TOAST compresses as well (1.3 MB). To query a body with SQL, cast it: body::jsonb.
alter table ${flyway:defaultSchema}.recommendation_run
  alter column body type text using body::text;
