import type { Db } from '@kc/db';
import { evidenceAccess } from '../awards/evidence-access';
import { documentFileAccess } from '../organisations/documents/file-access';
import { organisationFileAccess } from '../organisations/verification/file-access';
import { officialListFileAccess } from '../organisations/official-lists/file-access';
import { vpAgreementAccess, vpTemplateOfficerAccess } from '../vice-president/agreement-access';
import type { CanOfficerSeeFile } from './service';

/** Every reason an officer may download a file; the first that grants access wins. */
export function officerFileAccess(db: Db): CanOfficerSeeFile {
  const rules = [
    evidenceAccess(db),
    vpAgreementAccess(db),
    vpTemplateOfficerAccess(db),
    organisationFileAccess(db),
    documentFileAccess(db),
    officialListFileAccess(db),
  ];
  return async (officer, file) => {
    for (const rule of rules) {
      const grant = await rule(officer, file);
      if (grant) return grant;
    }
    return false;
  };
}
