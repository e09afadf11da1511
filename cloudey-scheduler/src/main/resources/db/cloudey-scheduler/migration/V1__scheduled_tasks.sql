-- db-scheduler's table for PostgreSQL (its documented DDL for 16.x), in Cloudey's schema. One row per
-- task instance: a row is picked by exactly one scheduler (optimistic update on version), and a picked
-- row whose last_heartbeat goes stale is revived by another scheduler.
create table ${flyway:defaultSchema}.scheduled_tasks (
  task_name            text                     not null,
  task_instance        text                     not null,
  task_data            bytea,
  execution_time       timestamp with time zone not null,
  picked               boolean                  not null,
  picked_by            text,
  last_success         timestamp with time zone,
  last_failure         timestamp with time zone,
  consecutive_failures integer,
  last_heartbeat       timestamp with time zone,
  version              bigint                   not null,
  priority             smallint,
  primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on ${flyway:defaultSchema}.scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on ${flyway:defaultSchema}.scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx
  on ${flyway:defaultSchema}.scheduled_tasks (priority desc, execution_time asc);
