/**
 * A stored file no record points to, as a `storedFile` filter: what account cancellation and the
 * retention job may delete. Every relation of `StoredFile` is listed; a new one must be added
 * here, or files it holds would look unreferenced (`privacy.test.ts` and `retention.test.ts`
 * delete through this filter).
 */
export const UNREFERENCED_FILE = {
  evidence: { none: {} },
  vpAgreements: { none: {} },
  vpAgreementTemplates: { none: {} },
  verificationLicences: { none: {} },
  verificationAuthorisations: { none: {} },
  changeLicences: { none: {} },
  claimLicences: { none: {} },
  claimAuthorities: { none: {} },
  dataExports: { none: {} },
  documents: { none: {} },
  listImports: { none: {} },
} as const;
