-- A retired index version is kept while exports still read its snapshot, then deleted.
ALTER TABLE index_versions DROP CONSTRAINT index_versions_state_check;
ALTER TABLE index_versions ADD CONSTRAINT index_versions_state_check CHECK (state IN ('building', 'live', 'retired', 'failed', 'deleted'));
