/**
 * Prisma's schema engine, compiled to WebAssembly, loaded without a bundler.
 *
 * Why: the Prisma CLI needs a native schema engine that it downloads from Prisma's CDN on
 * first use; this project's machines cannot reach it, so `prisma migrate dev/diff` cannot run.
 * `@prisma/schema-engine-wasm` is the same engine as a wasm-bindgen "bundler" build. Its
 * entry file does `import * as wasm from "./schema_engine_bg.wasm"`, which plain Node cannot
 * import, so we compile the .wasm ourselves, give it the JS glue functions of
 * `schema_engine_bg.js` as imports, and start it.
 *
 * We only use schema-to-schema diffs (`diffSchemas`), which never touch a database. The
 * engine's live-database operations (db push, applyMigrations, introspection) fail through
 * driver adapters here and are deliberately not used; our own runner applies migrations
 * (src/migrate/runner.ts).
 *
 * Dev-only: `@prisma/schema-engine-wasm` is a devDependency. Never import this module from
 * runtime code (src/index.ts, src/client.ts).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
} from '@prisma/driver-adapter-utils';
import type { DiffTarget, SchemaEngine } from '@prisma/schema-engine-wasm';
import type * as GlueModule from '@prisma/schema-engine-wasm/schema_engine_bg';

type WasmExports = Record<string, unknown>;
type Glue = typeof GlueModule & {
  __wbg_set_wasm(exports: WasmExports): void;
};

/** The few WebAssembly APIs we use (the project's TS libs carry no WebAssembly typings). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  Module: { imports(module: object): { module: string; name: string }[] };
  instantiate(module: object, imports: Record<string, unknown>): Promise<{ exports: WasmExports }>;
}
const Wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let loaded: Promise<Glue> | undefined;

async function loadGlue(): Promise<Glue> {
  const require = createRequire(import.meta.url);
  // The .wasm file is not in the package's "exports"; find it next to the exported glue file.
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = join(dirname(gluePath), 'schema_engine_bg.wasm');
  const glue = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Glue;
  const module = await Wasm.compile(await readFile(wasmPath));
  // Every import of the wasm module comes from the glue file (module name './schema_engine_bg.js').
  const imports: Record<string, unknown> = {};
  for (const { module: name } of Wasm.Module.imports(module)) imports[name] = glue;
  const instance = await Wasm.instantiate(module, imports);
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue;
}

/**
 * A driver adapter with no database behind it. On construction the engine asks the
 * "connection" for the server version (one fixed probe query, no schema access); we answer
 * it as PostgreSQL 15 — the production target — so the generated SQL never depends on
 * whatever server happens to be reachable. Every other query is refused: schema-to-schema
 * diffs must never need a database, and if a future engine version starts to query, this
 * fails loudly instead of silently diffing against the wrong thing.
 */
const TARGET_SERVER = { version: 'PostgreSQL 15.0 (offline schema diff)', versionNum: 150000 };

function offlineAdapter(): SqlDriverAdapter {
  const queryRaw = (query: SqlQuery): Promise<SqlResultSet> => {
    if (
      /^SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/.test(
        query.sql,
      )
    ) {
      return Promise.resolve({
        columnNames: ['exists', 'version', 'numeric_version'],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, TARGET_SERVER.version, TARGET_SERVER.versionNum]],
      });
    }
    return refuse(query);
  };
  const refuse = (query?: SqlQuery): Promise<never> =>
    Promise.reject(
      new Error(
        `schema-engine: no database offline; only schema-to-schema diffs are supported${query ? ` (engine sent: ${query.sql.slice(0, 120)})` : ''}`,
      ),
    );
  return {
    provider: 'postgres',
    adapterName: 'kc-offline',
    queryRaw,
    executeRaw: refuse,
    executeScript: () => refuse(),
    startTransaction: () => refuse(),
    dispose: () => Promise.resolve(),
  };
}

const offline: SqlMigrationAwareDriverAdapterFactory = {
  provider: 'postgres',
  adapterName: 'kc-offline',
  connect: () => Promise.resolve(offlineAdapter()),
  connectToShadowDb: () => Promise.resolve(offlineAdapter()),
};

export interface SchemaFile {
  /** Used in error messages only. */
  path: string;
  content: string;
}

/** `null` = the empty database. */
export type SchemaSource = SchemaFile | null;

async function withEngine<T>(
  datamodel: SchemaFile,
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  loaded ??= loadGlue();
  const glue = await loaded;
  const logs: string[] = [];
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[datamodel.path, datamodel.content]] },
    (line: string) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(offline),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

function target(source: SchemaSource): DiffTarget {
  return source === null
    ? { tag: 'empty' }
    : { tag: 'schemaDatamodel', files: [{ path: source.path, content: source.content }] };
}

/**
 * The SQL that turns a database shaped like `from` into one shaped like `to`
 * (`prisma migrate diff --from-schema … --to-schema … --script`). Empty string when equal.
 */
export async function diffSchemas(from: SchemaSource, to: SchemaFile): Promise<string> {
  return withEngine(to, async (engine) => {
    const result = await engine.diff({
      from: target(from),
      to: target(to),
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    // exitCode 2 = non-empty diff, 0 = no difference.
    if (result.exitCode === 0) return '';
    return result.stdout ?? '';
  });
}

/** True when the diff script has no statements (the engine prints a comment for an empty diff). */
export function isEmptyMigration(sql: string): boolean {
  return sql
    .split('\n')
    .map((l) => l.trim())
    .every((l) => l === '' || l.startsWith('--'));
}
