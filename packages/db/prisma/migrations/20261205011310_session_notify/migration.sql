-- Hand-written migration (no schema.prisma change). Add SQL below.
--
-- Every API instance caches verified sessions for a few seconds (@kc/api auth/session-cache.ts)
-- and LISTENs on 'kc_session'. A trigger, not the application, announces changes: every code
-- path that revokes a session or changes a user is caught, raw SQL and scripts included.
-- Payload: the user's id (the instances drop that user's sessions), or '*' (drop everything).
-- Notifications are sent at commit, and identical ones in a transaction are sent once.

-- A session changed or went away. The 60-second last_seen_at touch alone changes nothing a
-- cache holds, and would otherwise empty it every minute.
CREATE FUNCTION session_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kc_session', OLD.user_id::text);
    RETURN OLD;
  END IF;
  IF (to_jsonb(OLD) - 'last_seen_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at') THEN
    PERFORM pg_notify('kc_session', OLD.user_id::text);
    IF NEW.user_id IS DISTINCT FROM OLD.user_id THEN
      PERFORM pg_notify('kc_session', NEW.user_id::text);
    END IF;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER session_notify_change
  AFTER UPDATE OR DELETE ON "session"
  FOR EACH ROW EXECUTE FUNCTION session_notify_change();

-- A user changed (role, area, disabled, 注销, names …) or went away. Columns a login writes
-- every time and no session check reads are left out, so logging in does not empty caches.
CREATE FUNCTION user_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('kc_session', OLD.id::text);
    RETURN OLD;
  END IF;
  IF (to_jsonb(OLD) - ARRAY['last_login_at', 'updated_at', 'totp_last_step'])
     IS DISTINCT FROM (to_jsonb(NEW) - ARRAY['last_login_at', 'updated_at', 'totp_last_step']) THEN
    PERFORM pg_notify('kc_session', OLD.id::text);
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER user_notify_change
  AFTER UPDATE OR DELETE ON "user"
  FOR EACH ROW EXECUTE FUNCTION user_notify_change();

-- TRUNCATE (tests, restores) removes rows without row triggers: drop every cached session.
CREATE FUNCTION session_notify_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kc_session', '*');
  RETURN NULL;
END;
$$;

CREATE TRIGGER session_notify_truncate
  AFTER TRUNCATE ON "session"
  FOR EACH STATEMENT EXECUTE FUNCTION session_notify_truncate();

CREATE TRIGGER user_notify_truncate
  AFTER TRUNCATE ON "user"
  FOR EACH STATEMENT EXECUTE FUNCTION session_notify_truncate();
