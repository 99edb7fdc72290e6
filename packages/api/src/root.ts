import { applicationsRouter, programmesRouter } from './routers/applications';
import { authRouter } from './routers/auth';
import { budgetsRouter } from './routers/budgets';
import { dashboardRouter } from './routers/dashboard';
import { disbursementsRouter } from './routers/disbursements';
import { exportsRouter } from './routers/exports';
import { noticesRouter } from './routers/notices';
import { healthRouter } from './routers/health';
import { jobsRouter } from './routers/jobs';
import { meRouter } from './routers/me';
import { organisationsRouter } from './routers/organisations';
import { profileRouter } from './routers/profile';
import { reviewRouter } from './routers/review';
import { auditRouter } from './routers/audit';
import { notificationsRouter } from './routers/notifications';
import { officersRouter } from './routers/officers';
import { officerSecurityRouter } from './routers/officer-security';
import { researchersRouter } from './routers/researchers';
import { expertsRouter } from './routers/experts';
import { selectionRouter } from './routers/selection';
import { needsRouter } from './routers/needs';
import { alliancesRouter } from './routers/alliances';
import { consultationsRouter } from './routers/consultations';
import { policyVersionsRouter } from './routers/policy-versions';
import { vicePresidentRouter } from './routers/vice-president';
import { workbenchRouter } from './routers/workbench';
import { myOrgRouter } from './routers/my-org';
import { claimsRouter } from './organisations/verification/applicant-router';
import { orgReviewRouter } from './organisations/verification/officer-router';
import { exemptionsRouter, officialListsRouter } from './organisations/official-lists/router';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  health: healthRouter,
  auth: authRouter,
  profile: profileRouter,
  organisations: organisationsRouter,
  programmes: programmesRouter,
  consultations: consultationsRouter,
  policyVersions: policyVersionsRouter,
  applications: applicationsRouter,
  review: reviewRouter,
  notices: noticesRouter,
  budgets: budgetsRouter,
  disbursements: disbursementsRouter,
  dashboard: dashboardRouter,
  vp: vicePresidentRouter,
  workbench: workbenchRouter,
  officers: officersRouter,
  officerSecurity: officerSecurityRouter,
  audit: auditRouter,
  researchers: researchersRouter,
  experts: expertsRouter,
  selection: selectionRouter,
  needs: needsRouter,
  alliances: alliancesRouter,
  notifications: notificationsRouter,
  myOrg: myOrgRouter,
  claims: claimsRouter,
  orgReview: orgReviewRouter,
  officialLists: officialListsRouter,
  exemptions: exemptionsRouter,
  jobs: jobsRouter,
  exports: exportsRouter,
  me: meRouter,
});

export type AppRouter = typeof appRouter;
