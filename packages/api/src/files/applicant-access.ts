import type { Db } from '@kc/db';
import { memberFileAccess } from '../organisations/documents/file-access';
import { vpTemplateApplicantAccess } from '../vice-president/agreement-access';
import { submissionFileExpertAccess, submissionFileMemberAccess } from '../selection/file-access';
import { allianceCharterMemberAccess } from '../selection/alliance-file-access';
import { reportFileMemberAccess } from '../selection/report-file-access';
import { acceptanceFileExpertAccess } from '../selection/acceptance-file-access';
import type { CanApplicantSeeFile } from './service';

/** Every reason an applicant may download a file they did not upload; the first that grants wins. */
export function applicantFileAccess(db: Db): CanApplicantSeeFile {
  const rules = [
    memberFileAccess(db),
    vpTemplateApplicantAccess(db),
    submissionFileMemberAccess(db),
    submissionFileExpertAccess(db),
    allianceCharterMemberAccess(db),
    reportFileMemberAccess(db),
    acceptanceFileExpertAccess(db),
  ];
  return async (applicant, file) => {
    for (const rule of rules) if (await rule(applicant, file)) return true;
    return false;
  };
}
