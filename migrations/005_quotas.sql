-- Quotas per domain (README "Quotas"): calls per UTC day and per second, for anonymous addresses and
-- for API keys. A NULL column takes the configured default (QUOTA_* variables).
CREATE TABLE domain_quotas (
  domain_id             text PRIMARY KEY REFERENCES domains(id) ON DELETE CASCADE,
  anonymous_per_day     integer CHECK (anonymous_per_day > 0),
  anonymous_per_second  integer CHECK (anonymous_per_second > 0),
  key_per_day           integer CHECK (key_per_day > 0),
  key_per_second        integer CHECK (key_per_second > 0),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- Quota counters shared by every API process on this database (QUOTA_STORE=postgresql), in the shape
-- that rate-limiter-flexible's PostgreSQL store reads and writes. Unlogged: counters need no crash
-- safety, only speed. `expire` is in milliseconds since the epoch.
CREATE UNLOGGED TABLE quota_counters (
  key     varchar(255) PRIMARY KEY,
  points  integer NOT NULL DEFAULT 0,
  expire  bigint
);
