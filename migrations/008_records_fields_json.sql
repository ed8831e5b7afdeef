-- Records' fields are kept as json, their text as the publish wrote it (PostgreSQL checks that it is
-- JSON), rather than jsonb: nothing queries inside them in SQL, they are only written and read back
-- whole. jsonb parses every value again into its own form, numbers as numeric, which for a polygon's
-- coordinates took most of PostgreSQL's CPU in a publish: the fields of 35,357 communes took 0.28 s
-- to write as json and 0.90 s as jsonb (59 MB of text, 102 MB as jsonb before compression). Existing
-- records are rewritten once; their compression stays lz4 where the server has it.
ALTER TABLE records ALTER COLUMN fields TYPE json USING fields::json;
DO $$
BEGIN
  ALTER TABLE records ALTER COLUMN fields SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR syntax_error OR invalid_parameter_value THEN
  RAISE NOTICE 'records.fields keeps the default compression: %', SQLERRM;
END $$;
