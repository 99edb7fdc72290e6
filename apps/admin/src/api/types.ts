export type { AppRouter, RouterInputs, RouterOutputs } from '@kc/api';
