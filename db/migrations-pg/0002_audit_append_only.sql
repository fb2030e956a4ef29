-- The audit log is append-only, as on SQLite (db/migrations/0005): no statement may change or delete a row; a deleted
-- report only clears report_id (its foreign key sets it null).
CREATE FUNCTION audit_events_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.at IS DISTINCT FROM OLD.at OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
     OR NEW.action IS DISTINCT FROM OLD.action OR NEW.detail IS DISTINCT FROM OLD.detail
     OR NEW.address IS DISTINCT FROM OLD.address OR NEW.report_id IS NOT NULL THEN
    RAISE EXCEPTION 'audit_events rows cannot be changed';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE FUNCTION audit_events_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events rows cannot be deleted';
END $$;--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_no_update();--> statement-breakpoint
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_no_delete();
