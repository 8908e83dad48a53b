-- Sign-in sessions for the user API. A session holds one chain of refresh tokens; logging out, or
-- presenting a refresh token that was already used (a stolen copy), revokes the whole session.
CREATE TABLE sessions (
  id         TEXT PRIMARY KEY,
  env_id     TEXT NOT NULL REFERENCES environments(id),
  user_id    TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX sessions_user ON sessions(user_id);

-- only the SHA-256 of a refresh token is stored; used_at is set when it is exchanged (rotation)
CREATE TABLE refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at    BIGINT
);
CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id);

-- the server's own keys (the access-token signing key); created once, shared by every server process
CREATE TABLE server_keys (
  id         TEXT PRIMARY KEY,
  secret     TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
