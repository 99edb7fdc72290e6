import { trpc } from './client';
import type { RouterInputs, RouterOutputs } from './types';

export type OrganisationListInput = RouterInputs['organisations']['list'];
export type OrganisationList = RouterOutputs['organisations']['list'];
export type OrganisationListItem = OrganisationList['items'][number];
export type OrganisationDetail = RouterOutputs['organisations']['byId'];

export const listOrganisations = (input: OrganisationListInput) =>
  trpc.organisations.list.query(input);

export const getOrganisation = (id: string) => trpc.organisations.byId.query({ id });
