import type { RouterOutputs } from '../../api/types';

export type BudgetItem = RouterOutputs['budgets']['list']['items'][number];
