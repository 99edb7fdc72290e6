import { authRouter } from './routers/auth';
import { healthRouter } from './routers/health';
import { organisationsRouter } from './routers/organisations';
import { profileRouter } from './routers/profile';
import { createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  health: healthRouter,
  auth: authRouter,
  profile: profileRouter,
  organisations: organisationsRouter,
});

export type AppRouter = typeof appRouter;
