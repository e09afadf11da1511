-- Assistant conversations (ConversationStore): threads per account and their messages, tool calls and tool
-- results included, so a thread resumes in any process exactly as the model saw it. Keyed by account first
-- like every table; deleting an account deletes its rows (PgAccountStore covers every account_id table).
-- Conversation writes do not bump the account's data version: no cached report depends on them.

create table ${flyway:defaultSchema}.chat_thread (
  account_id         text        not null,
  thread_id          text        not null,
  title              text        not null,
  created_at         timestamptz not null,
  updated_at         timestamptz not null,
  -- the last message's seq; appends lock the row and number from here, so positions are never reused
  message_count      bigint      not null default 0,
  summary            text        not null default '',
  summarized_through bigint      not null default 0,
  primary key (account_id, thread_id),
  check (summarized_through between 0 and message_count)
);
create index chat_thread_updated_idx
  on ${flyway:defaultSchema}.chat_thread (account_id, updated_at desc, thread_id);

create table ${flyway:defaultSchema}.chat_message (
  account_id   text        not null,
  thread_id    text        not null,
  seq          bigint      not null,
  role         text        not null check (role in ('USER', 'ASSISTANT', 'TOOL')),
  text         text        not null,
  tool_calls   jsonb       not null,
  tool_call_id text,
  tool_name    text,
  created_at   timestamptz not null,
  primary key (account_id, thread_id, seq)
);
