import { trpc } from '../../api/client';

/**
 * The full contact phone: the server checks the role and area and writes the audit record,
 * with the officer's reason.
 */
export const revealOrganisationContact = async (id: string, reason: string) =>
  (await trpc.organisations.revealContact.mutate({ id, reason })).contactPhone;
