-- The management API (README "Management API"): keys with roles, jobs that run publishes with
-- live progress, and each dataset's processing rules.

-- read: what every key could do before (see a domain's private and draft datasets);
-- write: also manage the datasets of the key's domain; admin: every domain, its datasets and keys.
ALTER TABLE api_keys ADD COLUMN role text NOT NULL DEFAULT 'read' CHECK (role IN ('read', 'write', 'admin'));

-- A job may be created before its dataset exists (the first upload) and outlives a deleted one.
ALTER TABLE ingest_jobs DROP CONSTRAINT ingest_jobs_dataset_id_fkey;
ALTER TABLE ingest_jobs DROP CONSTRAINT ingest_jobs_state_check;
ALTER TABLE ingest_jobs ADD CONSTRAINT ingest_jobs_state_check
  CHECK (state IN ('pending', 'running', 'published', 'failed', 'cancelled'));
ALTER TABLE ingest_jobs
  ADD COLUMN domain_id        text,
  -- where a running job is: reading, indexing, cataloguing
  ADD COLUMN phase            text,
  ADD COLUMN rows_indexed     integer NOT NULL DEFAULT 0,
  -- what the job was asked to do: the descriptor, the uploaded file, the rules, the publish options
  ADD COLUMN request          jsonb,
  ADD COLUMN cancel_requested boolean NOT NULL DEFAULT false,
  ADD COLUMN updated_at       timestamptz NOT NULL DEFAULT now();
CREATE INDEX ingest_jobs_dataset ON ingest_jobs (dataset_id, id DESC);

-- Named, ordered processing steps run at each publish of a dataset (a capability and its config).
CREATE TABLE dataset_rules (
  dataset_id  text NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  name        text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$'),
  position    integer NOT NULL,
  capability  text NOT NULL,
  config      jsonb NOT NULL DEFAULT '{}',
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (dataset_id, name)
);
