import type { PolicySet, Rule } from '@kc/domain';
import { fieldMeta, maxAmountOf, objectSchemaOf } from '@kc/domain';

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
