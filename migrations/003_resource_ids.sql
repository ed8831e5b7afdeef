-- Each dataset with records is one CKAN DataStore resource; its id is a UUID derived from the dataset id.
ALTER TABLE datasets ADD COLUMN resource_id uuid GENERATED ALWAYS AS (md5('portal-search:resource:' || id)::uuid) STORED;
CREATE UNIQUE INDEX datasets_resource_id ON datasets (resource_id);
