-- What a backup set must bring back, as one line of JSON: the exact row count of every table,
-- every sequence's position, and checksums of the money ledger and the audit log (each row's text,
-- in id order). backup.sh stores it in the manifest (taken in the dump's own snapshot);
-- restore.sh and drill.sh compute it on the restored database and compare the text.
-- Output settings are pinned so the row text does not depend on the session.
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';
SET extra_float_digits = 1;
SELECT json_build_object(
  'row_counts', (
    SELECT coalesce(json_object_agg(t.name, t.n ORDER BY t.name), '{}')
    FROM (
      SELECT n.nspname || '.' || c.relname AS name,
             (xpath('/row/c/text()',
                    query_to_xml(format('SELECT count(*) AS c FROM %I.%I', n.nspname, c.relname),
                                 false, true, '')))[1]::text::bigint AS n
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\_toast%'
        AND n.nspname NOT LIKE 'pg\_temp%'
    ) t
  ),
  'sequences', (
    SELECT coalesce(json_object_agg(schemaname || '.' || sequencename,
                                    coalesce(last_value::text, 'unused')
                                    ORDER BY schemaname, sequencename), '{}')
    FROM pg_sequences
  ),
  'ledger_entry', (
    SELECT json_build_object('rows', count(*),
                             'md5', md5(coalesce(string_agg(l::text, E'\n' ORDER BY l.id), '')))
    FROM public.ledger_entry l
  ),
  'audit_log', (
    SELECT json_build_object('rows', count(*),
                             'md5', md5(coalesce(string_agg(a::text, E'\n' ORDER BY a.id), '')))
    FROM public.audit_log a
  )
)::text;
