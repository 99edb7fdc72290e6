import { trpc } from '../../api/client';

/** The full contact phone: the server checks the role and area and writes the audit record. */
export const revealOrganisationContact = async (id: string) =>
  (await trpc.organisations.revealContact.mutate({ id })).contactPhone;
