import { randomUUID } from 'node:crypto';

/** One uploaded file: who uploaded it, what it is, and where its bytes are (the hash). */
export interface StoredFileMeta {
  id: string;
  sha256: string;
  sizeBytes: number;
  /** Detected from the content (see `sniff.ts`), never taken from the client. */
  mimeType: string;
  /** Sanitised (see `names.ts`); a label only, never part of a path. */
  originalName: string;
  ownerUserId: string;
  createdAt: Date;
}

export type NewStoredFile = Omit<StoredFileMeta, 'id' | 'createdAt'>;

/**
 * The file records, behind an interface so the service is tested without a database.
 *
 * One row per (owner, content) — the database's unique key (owner_user_id, sha256): the same
 * person uploading the same bytes again gets their existing row back (name unchanged), while two
 * people uploading identical bytes get a row each, so download rights stay per person.
 */
export interface FileRecords {
  /** Inserts the row, or returns the owner's existing row for the same sha256. */
  create(meta: NewStoredFile): Promise<StoredFileMeta>;
  /** Gets a syntactically valid UUID only (the service checks first). */
  findById(id: string): Promise<StoredFileMeta | null>;
}

/** Records in a Map: for unit tests, and for servers run without the database model. */
export function memoryFileRecords(now: () => Date = () => new Date()): FileRecords & {
  all(): StoredFileMeta[];
} {
  const rows = new Map<string, StoredFileMeta>();
  return {
    async create(meta) {
      for (const row of rows.values()) {
        if (row.ownerUserId === meta.ownerUserId && row.sha256 === meta.sha256) return { ...row };
      }
      const row: StoredFileMeta = { ...meta, id: randomUUID(), createdAt: now() };
      rows.set(row.id, row);
      return { ...row };
    },
    async findById(id) {
      const row = rows.get(id);
      return row ? { ...row } : null;
    },
    all: () => [...rows.values()].map((r) => ({ ...r })),
  };
}
