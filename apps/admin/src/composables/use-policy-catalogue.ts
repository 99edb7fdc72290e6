import type { PolicySet } from '@kc/domain';
import { POLICY_SETS, policyCatalogue } from '@kc/domain';
import type { ComputedRef } from 'vue';
import { computed, toRaw } from 'vue';
import { trpc } from '../api/client';
import { useApiQuery } from './use-api-query';

/**
 * Under the 政策修订 area's keys: adopting a version there refetches every key under
 * 'policy-versions', this one too.
 */
export const policyCatalogueKey = ['policy-versions', 'catalogue'] as const;

/**
 * The policy versions the server decides with (issue 15): the code's versions followed by every
 * version the bureau has adopted, built by the domain's `policyCatalogue` from the adopted
 * amendments (`policyVersions.catalogue`), as the API builds its own. Silent: a screen that cannot
 * read it falls back (below) and says so where it matters.
 */
export async function fetchPolicyCatalogue(): Promise<readonly PolicySet[]> {
  const { amendments } = await trpc.policyVersions.catalogue.query(undefined, {
    context: { silent: true },
  });
  return policyCatalogue(amendments);
}

/**
 * The catalogue through the shared cache: `undefined` while it loads, so a screen waits rather
 * than decide by a version that may be outdated; the code's versions if it cannot be read (an
 * application under an adopted version is then not found, and its screen says so).
 */
export function usePolicyCatalogue(): ComputedRef<readonly PolicySet[] | undefined> {
  const query = useApiQuery(policyCatalogueKey, fetchPolicyCatalogue);
  return computed(
    // Past the cache's readonly proxy: the versions hold zod schemas, which a proxy breaks.
    () => toRaw(query.data.value) ?? (query.isError.value ? POLICY_SETS : undefined),
  );
}
