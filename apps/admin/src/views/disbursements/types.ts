import type { RouterOutputs } from '../../api/types';

export type Candidate = RouterOutputs['disbursements']['candidates'][number];
export type BatchListItem = RouterOutputs['disbursements']['list']['items'][number];
export type Batch = RouterOutputs['disbursements']['byId'];
export type LedgerPage = RouterOutputs['disbursements']['ledger'];
