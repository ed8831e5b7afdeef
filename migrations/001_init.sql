-- portal-search store of record. Elasticsearch indices are rebuilt from these tables.

CREATE TABLE domains (
  id              text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  title           text NOT NULL,
  -- a domain sees its own datasets, plus every public dataset of the platform when true
  include_public  boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);
INSERT INTO domains (id, title, include_public) VALUES ('default', 'Default domain', true);

CREATE TABLE datasets (
  id              text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,99}$'),
  domain_id       text NOT NULL REFERENCES domains(id),
  metadata        jsonb NOT NULL,
  -- the resolved field schema: [{name, label, type, description?, annotations, source}]
  fields          jsonb NOT NULL DEFAULT '[]',
  visibility      text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private')),
  state           text NOT NULL DEFAULT 'published' CHECK (state IN ('draft', 'published')),
  has_records     boolean NOT NULL DEFAULT false,
  records_count   integer NOT NULL DEFAULT 0,
  -- metadata of a catalog import that the dataset's own descriptor does not set
  catalog_extra   jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  published_at    timestamptz
);
CREATE INDEX datasets_domain ON datasets (domain_id);

CREATE TABLE records (
  dataset_id        text NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  recordid          char(40) NOT NULL,
  fields            jsonb NOT NULL,
  geometry          jsonb,
  record_timestamp  timestamptz NOT NULL,
  source_line       integer NOT NULL,
  PRIMARY KEY (dataset_id, recordid)
);

CREATE TABLE index_versions (
  dataset_id   text NOT NULL,
  version      integer NOT NULL,
  index_name   text NOT NULL,
  state        text NOT NULL CHECK (state IN ('building', 'live', 'retired', 'failed')),
  doc_count    integer,
  created_at   timestamptz NOT NULL DEFAULT now(),
  live_at      timestamptz,
  PRIMARY KEY (dataset_id, version)
);

CREATE TABLE api_keys (
  id           bigserial PRIMARY KEY,
  domain_id    text NOT NULL REFERENCES domains(id),
  -- SHA-256 of the key; the key itself is shown once and never stored
  key_hash     text NOT NULL UNIQUE,
  label        text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);

CREATE TABLE ingest_jobs (
  id              bigserial PRIMARY KEY,
  dataset_id      text NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  source          text,
  state           text NOT NULL CHECK (state IN ('running', 'published', 'failed')),
  rows_read       integer NOT NULL DEFAULT 0,
  rows_published  integer NOT NULL DEFAULT 0,
  rows_warned     integer NOT NULL DEFAULT 0,
  -- the first warnings: [{position, field?, message}]
  warnings        jsonb NOT NULL DEFAULT '[]',
  error           text,
  started_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz
);
