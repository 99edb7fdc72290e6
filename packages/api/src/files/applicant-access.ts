import type { Db } from '@kc/db';
import { memberFileAccess } from '../organisations/documents/file-access';
import { vpTemplateApplicantAccess } from '../vice-president/agreement-access';
import { submissionFileExpertAccess } from '../selection/file-access';
import { acceptanceFileExpertAccess } from '../selection/acceptance-file-access';
import { holderMemberAccess } from './holder-access';
import { FILE_HOLDERS } from './holders';
import type { CanApplicantSeeFile } from './service';

/** Every reason an applicant may download a file they did not upload; the first that grants wins. */
export function applicantFileAccess(db: Db): CanApplicantSeeFile {
  const rules = [
    memberFileAccess(db),
    vpTemplateApplicantAccess(db),
    // Submissions, alliance charters, project reports: every member of the holding organisation.
    ...Object.values(FILE_HOLDERS).map((holders) => holderMemberAccess(db, holders)),
    submissionFileExpertAccess(db),
    acceptanceFileExpertAccess(db),
  ];
  return async (applicant, file) => {
    for (const rule of rules) if (await rule(applicant, file)) return true;
    return false;
  };
}
