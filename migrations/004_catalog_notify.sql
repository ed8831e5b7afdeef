-- Every change to datasets or domains is announced, so that servers drop what they cached of them.
CREATE FUNCTION portal_search_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('portal_search_catalog', TG_TABLE_NAME);
  RETURN NULL;
END $$;
CREATE TRIGGER datasets_changed AFTER INSERT OR UPDATE OR DELETE ON datasets FOR EACH STATEMENT EXECUTE FUNCTION portal_search_catalog_changed();
CREATE TRIGGER domains_changed AFTER INSERT OR UPDATE OR DELETE ON domains FOR EACH STATEMENT EXECUTE FUNCTION portal_search_catalog_changed();
