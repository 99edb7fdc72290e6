import { createTRPCRouter } from '../trpc';
import { bankAccountRouter } from '../organisations/bank/router';
import { documentsRouter } from '../organisations/documents/router';
import { membersRouter, researcherLinksRouter } from '../organisations/members/router';
import { invitationsRouter } from '../organisations/official-lists/router';
import { changesRouter, verificationRouter } from '../organisations/verification/applicant-router';

/**
 * The organisation as its own people use it (myOrg.*): each part lives with its service in
 * src/organisations/<part>/. Every procedure acts on the caller's own organisation (their active
 * membership), never on an id from input.
 */
export const myOrgRouter = createTRPCRouter({
  verification: verificationRouter,
  changes: changesRouter,
  members: membersRouter,
  researcherLinks: researcherLinksRouter,
  bankAccount: bankAccountRouter,
  documents: documentsRouter,
  invitations: invitationsRouter,
});
