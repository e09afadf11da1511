-- The example server's users and API tokens, beside the store's tables in the same schema but under the server's own
-- Flyway history (cloudey_server_schema_history). Each user maps to one Cloudey account (account_id).
CREATE TABLE server_users (
    user_id    BIGSERIAL PRIMARY KEY,
    email      TEXT        NOT NULL UNIQUE,
    account_id TEXT        NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a token is kept: a token is shown once, when it is made.
CREATE TABLE server_tokens (
    token_hash TEXT        PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES server_users (user_id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX server_tokens_user ON server_tokens (user_id);
