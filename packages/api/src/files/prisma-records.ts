import type { PrismaClient, StoredFile } from '@kc/db';
import { isUniqueViolationOn } from '@kc/db';
import type { FileRecords, StoredFileMeta } from './records';

function meta(row: StoredFile): StoredFileMeta {
  return {
    id: row.id,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    mimeType: row.mimeType,
    originalName: row.originalName,
    ownerUserId: row.ownerUserId,
    createdAt: row.createdAt,
  };
}

/** File records in the `stored_file` table (unique per owner and sha256). */
export function prismaFileRecords(
  prisma: Pick<PrismaClient, 'storedFile'>,
  now: () => Date,
): FileRecords {
  const existing = (ownerUserId: string, sha256: string) =>
    prisma.storedFile.findUnique({ where: { ownerUserId_sha256: { ownerUserId, sha256 } } });

  return {
    async create(data) {
      const found = await existing(data.ownerUserId, data.sha256);
      if (found) return meta(found);
      try {
        return meta(await prisma.storedFile.create({ data: { ...data, createdAt: now() } }));
      } catch (error) {
        // The same person uploaded the same bytes twice at once: the other request won.
        if (!isUniqueViolationOn(error, 'owner_user_id', 'sha256')) throw error;
        const winner = await existing(data.ownerUserId, data.sha256);
        if (!winner) throw error;
        return meta(winner);
      }
    },
    async findById(id) {
      const row = await prisma.storedFile.findUnique({ where: { id } });
      return row ? meta(row) : null;
    },
  };
}
