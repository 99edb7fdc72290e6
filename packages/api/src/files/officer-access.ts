import type { Db } from '@kc/db';
import { isCaseworker } from '../access';
import { evidenceAccess } from '../awards/evidence-access';
import { exportFileAccess } from '../exports/service';
import { documentFileAccess } from '../organisations/documents/file-access';
import { organisationFileAccess } from '../organisations/verification/file-access';
import { officialListFileAccess } from '../organisations/official-lists/file-access';
import { vpAgreementAccess, vpTemplateOfficerAccess } from '../vice-president/agreement-access';
import { holderOfficerAccess } from './holder-access';
import { FILE_HOLDERS } from './holders';
import type { CanOfficerSeeFile } from './service';

/**
 * Every reason an officer may download a file; the first that grants access wins. Finance opens
 * only what payment needs: the evidence of awards in a disbursement batch (the approval document,
 * contract, account proof a payment voucher rests on), never an organisation's 资料库, a
 * verification's papers or a 科技副总 agreement (docs/AWARD-SPINE.md, 财务人员的范围); and, as
 * every officer, the files of its own exports (its 资金台账).
 */
export function officerFileAccess(db: Db, now: () => Date = () => new Date()): CanOfficerSeeFile {
  // Every officer's own exports (导出全部), while they are offered.
  const ownExports = exportFileAccess(db, now);
  const financeRules = [evidenceAccess(db, { inBatch: true }), ownExports];
  const caseworkRules = [
    ownExports,
    evidenceAccess(db),
    vpAgreementAccess(db),
    vpTemplateOfficerAccess(db),
    organisationFileAccess(db),
    documentFileAccess(db),
    officialListFileAccess(db),
    // Submissions, alliance charters, project reports: their area's officer and the bureau.
    ...Object.values(FILE_HOLDERS).map((holders) => holderOfficerAccess(db, holders)),
  ];
  return async (officer, file) => {
    for (const rule of isCaseworker(officer) ? caseworkRules : financeRules) {
      const grant = await rule(officer, file);
      if (grant) return grant;
    }
    return false;
  };
}
