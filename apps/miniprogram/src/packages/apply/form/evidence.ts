import { ORGANISATION_DOCUMENT_KINDS, documentKindForEvidence } from '@kc/domain';
import type { api } from '../../../api/client';
import type { EvidenceChoice, EvidenceItem } from '../../../components/evidence-items';
import { isReference, referenceItem } from '../../../components/evidence-items';

export type ExistingApplication = Awaited<ReturnType<typeof api.applications.byId.query>>;
export type EvidenceOffers = Awaited<ReturnType<typeof api.myOrg.documents.forEvidence.query>>;

export function choicesOf(offers: EvidenceOffers): Record<string, EvidenceChoice> {
  return Object.fromEntries(
    offers.map((o) => [o.kind, { offer: o.offer, uploadReason: o.uploadReason }]),
  );
}

/**
 * Evidence kinds whose upload may also be kept in the 资料库 (a yearly 信用承诺书, an account
 * proof): for members of an organisation only (who get an offer or a reason for them), and not
 * for kinds that need a date typed with them (those are added on the 资料库 page).
 */
export function savableKinds(offers: EvidenceOffers): string[] {
  return offers
    .filter((o) => o.offer !== null || o.uploadReason !== null)
    .filter((o) => {
      const docKind = documentKindForEvidence(o.kind);
      const spec = ORGANISATION_DOCUMENT_KINDS.find((k) => k.code === docKind);
      return spec !== undefined && spec.validity !== 'given';
    })
    .map((o) => o.kind);
}

function fromServer(e: ExistingApplication['evidence'][number]): EvidenceItem {
  const upload = e.source === 'upload';
  return {
    kind: e.kind,
    source: e.source,
    ref: e.ref,
    fileId: upload ? e.fileId : null,
    name: upload ? (e.originalName ?? e.kindName) : (e.note ?? e.sourceLabel),
    sizeBytes: upload ? e.sizeBytes : null,
  };
}

/**
 * The evidence the form starts with: what was saved, with each reference brought up to date —
 * the library's current document or the account today; a reference nothing can supply any more
 * is dropped (its row says why to upload). Kinds with nothing yet start with the offer chosen.
 */
export function initialEvidence(
  existing: ExistingApplication | null,
  offers: EvidenceOffers,
): EvidenceItem[] {
  const offerOf = new Map(offers.flatMap((o) => (o.offer ? [[o.kind, o.offer] as const] : [])));
  const items = (existing?.evidence ?? []).map(fromServer);
  const kept = items.filter((i) => !isReference(i) || offerOf.has(i.kind));
  const result = kept.map((i) => {
    const offer = offerOf.get(i.kind);
    return isReference(i) && offer ? referenceItem(i.kind, offer) : i;
  });
  for (const [kind, offer] of offerOf) {
    if (!result.some((i) => i.kind === kind)) result.push(referenceItem(kind, offer));
  }
  return result;
}
