import type { AwardApplicant, PolicySet, Rule } from '@kc/domain';
import { fieldMeta, maxAmountOf, objectSchemaOf, programmeFit } from '@kc/domain';
import { freezeAnswer } from '../serialized-answer';

/** The form fields of a rule's input schema, for clients that build the form from it. */
export function formFieldsOf(rule: Rule) {
  const shape = objectSchemaOf(rule.inputSchema)?.shape ?? {};
  return Object.entries(shape).map(([name, schema]) => {
    const meta = fieldMeta(schema);
    return {
      name,
      title: meta?.title ?? name,
      description: meta?.description ?? null,
      unit: meta?.unit ?? null,
      options: meta?.labels
        ? Object.entries(meta.labels).map(([code, label]) => ({ code, label }))
        : null,
      optional: schema.safeParse(undefined).success,
    };
  });
}

/** A programme as the applicant's list shows it: the rule, its guide and its form. */
export function programmeDto(set: PolicySet, rule: Rule) {
  return {
    id: rule.id,
    clause: rule.clause,
    name: rule.name,
    programme: rule.programme,
    fieldCodes: rule.fieldCodes ?? null,
    yearlyQuota: rule.yearlyQuota ?? null,
    maxAmountFen: maxAmountOf(rule.formula),
    guide: rule.guide,
    fields: formFieldsOf(rule),
    policy: { id: set.id, version: set.version, title: set.title, status: set.source.status },
  };
}

/** What the list says of one programme for the caller (null throughout without a profile). */
function fitOf(set: PolicySet, rule: Rule, applicant: AwardApplicant | null) {
  const fit = applicant ? programmeFit(set, rule, applicant) : null;
  return {
    mayApply: fit?.mayApply ?? null,
    whyNot: fit?.whyNot ?? null,
    suggested: fit?.suggested ?? false,
    suggestion: fit?.suggestion ?? null,
  };
}

type OpenProgramme = ReturnType<typeof programmeDto> & ReturnType<typeof fitOf>;

/** Distinct fits kept per policy version; applicants of one kind share one. */
const MAX_ANSWERS_PER_SET = 500;
const answers = new WeakMap<
  PolicySet,
  {
    programmes: { rule: Rule; dto: ReturnType<typeof programmeDto> }[];
    byFit: Map<string, OpenProgramme[]>;
  }
>();

/**
 * The programme list of `set` with the applicant's fit (issue 13). It depends on nothing else:
 * the guides and forms only on the policy version, the fit only on the profile given. So one
 * frozen answer (serialized once, with its ETag) is kept per version and distinct fit, and a
 * new version in force (another set) starts afresh. The profile itself is read per request.
 */
export function openProgrammes(set: PolicySet, applicant: AwardApplicant | null): OpenProgramme[] {
  let entry = answers.get(set);
  if (!entry) {
    // A rule the platform raises (a project's tranches) is nobody's to apply for.
    const programmes = set.rules
      .filter((rule) => !rule.raisedBy)
      .map((rule) => ({ rule, dto: programmeDto(set, rule) }));
    entry = { programmes, byFit: new Map() };
    answers.set(set, entry);
  }
  const withFit = entry.programmes.map(({ rule, dto }) => ({
    dto,
    fit: fitOf(set, rule, applicant),
  }));
  const key = JSON.stringify(withFit.map((p) => p.fit));
  const kept = entry.byFit.get(key);
  if (kept) {
    // Least recently used goes first: touch it.
    entry.byFit.delete(key);
    entry.byFit.set(key, kept);
    return kept;
  }
  const answer = freezeAnswer(withFit.map(({ dto, fit }) => ({ ...dto, ...fit })));
  entry.byFit.set(key, answer);
  if (entry.byFit.size > MAX_ANSWERS_PER_SET) {
    const oldest = entry.byFit.keys().next().value;
    if (oldest !== undefined) entry.byFit.delete(oldest);
  }
  return answer;
}
