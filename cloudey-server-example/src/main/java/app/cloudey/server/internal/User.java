package app.cloudey.server.internal;

import app.cloudey.model.AccountId;
import java.time.Instant;

/** A user of the server; each maps to one Cloudey account. */
public record User(long id, String email, AccountId accountId, Instant createdAt) {}
