import { applicationsRouter, programmesRouter } from './routers/applications';
import { authRouter } from './routers/auth';
import { healthRouter } from './routers/health';
import { organisationsRouter } from './routers/organisations';
import { profileRouter } from './routers/profile';
import { reviewRouter } from './routers/review';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  health: healthRouter,
  auth: authRouter,
  profile: profileRouter,
  organisations: organisationsRouter,
  programmes: programmesRouter,
  applications: applicationsRouter,
  review: reviewRouter,
});

export type AppRouter = typeof appRouter;
