import type { Db } from '@kc/db';
import type { CanOfficerSeeFile } from '../../files/service';

const BUREAU_ROLES: readonly string[] = ['bureau-admin', 'bureau-reviewer'];

/**
 * An official list's file (an import's .xlsx / .csv) is the bureau's: bureau roles may download
 * it from the import history. (As the evidence of a 免申即享 application, officers of the
 * application's area reach it through the evidence rule.)
 */
export function officialListFileAccess(db: Db): CanOfficerSeeFile {
  return async (officer, file) => {
    if (!BUREAU_ROLES.includes(officer.role)) return false;
    const list = await db.prisma.officialListImport.findFirst({
      where: { fileId: file.id },
      select: { id: true, title: true },
    });
    return list ? { areaCode: null, details: { importId: list.id, title: list.title } } : false;
  };
}
