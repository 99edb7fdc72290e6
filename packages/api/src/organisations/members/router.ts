import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  institutionLinkDecisionSchema,
  inviteCreateSchema,
  joinOrganisationSchema,
  memberNameFormSchema,
  memberRoleSchema,
  plainString,
} from '@kc/domain';
import { applicantProcedure } from '../../trpc';
import { organisationActivity } from './activity';
import { createInvite, openInvites, revokeInvite } from './invites';
import { joinByCode } from './join';
import { handOver, leave, removeMember, setRole } from './member-changes';
import { pendingLinks, decideLink } from './researcher-links';
import { listMembers, setMyName } from './roster';

const memberId = z.object({ memberId: z.uuid({ error: '请选择成员' }) });

/**
 * People of an organisation (myOrg.members.*): any member sees who is in it; administrators
 * invite, remove, hand over and read the activity; anyone but the last administrator leaves.
 */
export const membersRouter = {
  list: applicantProcedure.query(({ ctx }) => listMembers(ctx)),
  setMyName: applicantProcedure
    .input(memberNameFormSchema)
    .mutation(({ ctx, input }) => setMyName(ctx, input.name)),

  invite: applicantProcedure
    .input(inviteCreateSchema)
    .mutation(({ ctx, input }) => createInvite(ctx, input.role)),
  invites: applicantProcedure.query(({ ctx }) => openInvites(ctx)),
  revokeInvite: applicantProcedure
    .input(z.object({ inviteId: z.uuid({ error: '请选择邀请码' }) }))
    .mutation(({ ctx, input }) => revokeInvite(ctx, input.inviteId)),
  join: applicantProcedure
    .input(joinOrganisationSchema)
    .mutation(({ ctx, input }) => joinByCode(ctx, input)),

  remove: applicantProcedure
    .input(memberId)
    .mutation(({ ctx, input }) => removeMember(ctx, input.memberId)),
  handOver: applicantProcedure
    .input(memberId)
    .mutation(({ ctx, input }) => handOver(ctx, input.memberId)),
  setRole: applicantProcedure
    .input(memberId.extend({ role: memberRoleSchema }))
    .mutation(({ ctx, input }) => setRole(ctx, input.memberId, input.role)),
  leave: applicantProcedure.mutation(({ ctx }) => leave(ctx)),

  activity: applicantProcedure
    .input(
      z
        .object({
          cursor: plainString()
            .regex(/^\d{1,19}$/, '无效的翻页位置')
            .optional(),
          limit: z.number().int().min(1).max(50).default(20),
        })
        .default({ limit: 20 }),
    )
    .query(({ ctx, input }) => organisationActivity(ctx, input)),
} satisfies TRPCRouterRecord;

/** Researchers' links to their institution, confirmed by its administrator (myOrg.researcherLinks.*). */
export const researcherLinksRouter = {
  pending: applicantProcedure.query(({ ctx }) => pendingLinks(ctx)),
  decide: applicantProcedure
    .input(institutionLinkDecisionSchema)
    .mutation(({ ctx, input }) => decideLink(ctx, input)),
} satisfies TRPCRouterRecord;
