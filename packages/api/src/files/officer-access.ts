import type { Db } from '@kc/db';
import { isCaseworker } from '../access';
import { evidenceAccess } from '../awards/evidence-access';
import { documentFileAccess } from '../organisations/documents/file-access';
import { organisationFileAccess } from '../organisations/verification/file-access';
import { officialListFileAccess } from '../organisations/official-lists/file-access';
import { vpAgreementAccess, vpTemplateOfficerAccess } from '../vice-president/agreement-access';
import type { CanOfficerSeeFile } from './service';

/**
 * Every reason an officer may download a file; the first that grants access wins. Finance opens
 * only what payment needs: the evidence of awards in a disbursement batch (the approval document,
 * contract, account proof a payment voucher rests on), never an organisation's 资料库, a
 * verification's papers or a 科技副总 agreement (docs/AWARD-SPINE.md, 财务人员的范围).
 */
export function officerFileAccess(db: Db): CanOfficerSeeFile {
  const financeRules = [evidenceAccess(db, { inBatch: true })];
  const caseworkRules = [
    evidenceAccess(db),
    vpAgreementAccess(db),
    vpTemplateOfficerAccess(db),
    organisationFileAccess(db),
    documentFileAccess(db),
    officialListFileAccess(db),
  ];
  return async (officer, file) => {
    for (const rule of isCaseworker(officer) ? caseworkRules : financeRules) {
      const grant = await rule(officer, file);
      if (grant) return grant;
    }
    return false;
  };
}
