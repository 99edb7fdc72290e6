import type { EligibilityFinding, InstitutionLinkFacts, VpCandidateForm } from '@kc/domain';
import {
  candidateSnapshot,
  checkCandidateEligibility,
  institutionKindFor,
  organisationTypeName,
} from '@kc/domain';
import { isUniqueViolationOn } from '@kc/db';
import { writeAudit } from '../audit';
import { dateOf } from '../dates';
import { appError } from '../errors';
import type { ApplicantCtx, OfficerCtx } from './common';
import {
  assertBureau,
  assertCallStatus,
  bumpInputRevision,
  findCall,
  lockCall,
  ownResearcher,
  settingsOf,
} from './common';
import { candidateDto } from './dto';
import { RESEARCHER_WITH_INSTITUTION, institutionCheck, linkFactsFor } from './institution-check';
import { PROGRESS_INCLUDE, progressOf } from './progress';

const INCLUDE = { researcher: true } as const;

/** Where each refusal shows in the application form (keys as the form's field errors). */
const FINDING_FIELDS: Record<EligibilityFinding['code'], string> = {
  'institution-kind': 'application.institutionKind',
  'contract-too-short': 'application.contractYears',
  capacity: 'application.capacity',
  'young-doctor-too-old': 'application.priorityFlags',
  // Age and the firm-side findings are about the person or firm, not a field of this form.
  'too-old': '_form',
  'not-a-firm': '_form',
  'outside-city': '_form',
  'no-qualification': '_form',
};

/** The refusal says when it was the institution's confirmation, not the form, that decided. */
function confirmedKindFinding(
  finding: EligibilityFinding,
  link: InstitutionLinkFacts,
): EligibilityFinding {
  if (link.status !== 'confirmed') return finding;
  const type = organisationTypeName(link.organisationType ?? '');
  return {
    ...finding,
    message: `经“${link.organisationName ?? ''}”确认，您的工作单位为${type}；${finding.message}`,
  };
}

function eligibilityFieldErrors(findings: readonly EligibilityFinding[]) {
  const out: Record<string, string[]> = {};
  for (const f of findings) (out[FINDING_FIELDS[f.code]] ??= []).push(f.message);
  return out;
}

/**
 * A researcher applies to a call that is collecting applications. The conditions are checked
 * against the stored profile; the profile's fields and expertise are copied onto the
 * application, so later profile edits do not change a call already under way.
 */
export async function applyToCall(ctx: ApplicantCtx, callId: string, input: VpCandidateForm) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const call = await lockCall(tx, callId);
    assertCallStatus(call, 'collecting');
    const researcher = await ownResearcher(tx, ctx.caller.userId);
    // Where the institution confirmed the researcher, its type decides, not the declaration.
    const link = await linkFactsFor(tx, researcher);
    const institutionKind = institutionKindFor(input.institutionKind, link);
    const findings = checkCandidateEligibility(
      { ...input, institutionKind, birthDate: dateOf(researcher.birthDate) },
      settingsOf(call),
      dateOf(call.referenceDate),
    ).map((f) => (f.code === 'institution-kind' ? confirmedKindFinding(f, link) : f));
    if (findings.length)
      throw appError('VP_NOT_ELIGIBLE', {
        message: findings.map((f) => f.message).join('；'),
        fieldErrors: eligibilityFieldErrors(findings),
      });
    const existing = await tx.vpCandidate.findUnique({
      where: { callId_researcherId: { callId, researcherId: researcher.id } },
    });
    if (existing?.status === 'active') throw appError('VP_ALREADY_APPLIED');
    const data = {
      ...input,
      institutionKind,
      contractYears: input.employment === 'contract' ? (input.contractYears ?? null) : null,
      ...candidateSnapshot(researcher),
      status: 'active',
      updatedAt: ctx.now(),
    };
    let candidate;
    try {
      candidate = existing
        ? await tx.vpCandidate.update({ where: { id: existing.id }, data, include: INCLUDE })
        : await tx.vpCandidate.create({
            data: { ...data, callId, researcherId: researcher.id, createdAt: ctx.now() },
            include: INCLUDE,
          });
    } catch (error) {
      if (isUniqueViolationOn(error, 'call_id', 'researcher_id'))
        throw appError('VP_ALREADY_APPLIED');
      throw error;
    }
    await bumpInputRevision(tx, callId);
    await writeAudit(tx, ctx, {
      action: 'vp.candidate.apply',
      objectType: 'vp_candidate',
      objectId: candidate.id,
      details: { callId },
    });
    return candidateDto(candidate, call.referenceDate);
  });
}

async function ownCandidate(ctx: ApplicantCtx, tx: Parameters<typeof lockCall>[0], id: string) {
  const candidate = await tx.vpCandidate.findUnique({ where: { id }, include: INCLUDE });
  if (!candidate || candidate.researcher.userId !== ctx.caller.userId) throw appError('NOT_FOUND');
  return candidate;
}

/** Withdraws one's application while the call still takes applications. */
export async function withdrawApplication(ctx: ApplicantCtx, candidateId: string) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await ownCandidate(ctx, tx, candidateId);
    const call = await lockCall(tx, before.callId);
    assertCallStatus(call, 'collecting');
    const candidate = await tx.vpCandidate.update({
      where: { id: candidateId },
      data: { status: 'withdrawn', updatedAt: ctx.now() },
      include: INCLUDE,
    });
    await bumpInputRevision(tx, call.id);
    await writeAudit(tx, ctx, {
      action: 'vp.candidate.withdraw',
      objectType: 'vp_candidate',
      objectId: candidateId,
    });
    return candidateDto(candidate, call.referenceDate);
  });
}

/** The researcher's own applications. */
export async function myApplications(ctx: ApplicantCtx) {
  const rows = await ctx.db.prisma.vpCandidate.findMany({
    where: { researcher: { userId: ctx.caller.userId } },
    include: { ...INCLUDE, call: true, secondments: PROGRESS_INCLUDE.secondments },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map((c) => ({
    ...candidateDto(c, c.call.referenceDate),
    callNumber: c.call.number,
    callTitle: c.call.title,
    callStatus: c.call.status,
    progress: progressOf('candidate', c),
  }));
}

/** Bureau officers: a call's candidates. Researchers belong to no area, so area officers do not list them. */
export async function callCandidates(
  ctx: OfficerCtx,
  filter: { callId: string; includeWithdrawn?: boolean | undefined },
) {
  assertBureau(ctx.caller);
  const call = await findCall(ctx.db.prisma, filter.callId);
  const rows = await ctx.db.prisma.vpCandidate.findMany({
    where: { callId: call.id, ...(filter.includeWithdrawn ? {} : { status: 'active' }) },
    include: { ...RESEARCHER_WITH_INSTITUTION, ...PROGRESS_INCLUDE },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((c) => ({
    ...candidateDto(c, call.referenceDate),
    ...institutionCheck(c.institutionKind, c.researcher),
    progress: progressOf('candidate', c),
  }));
}
