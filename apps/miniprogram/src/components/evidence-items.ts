import type { EvidenceRef, EvidenceSource } from '@kc/domain';

/** One piece of an application's evidence on the form: an upload, a reference, or the system's. */
export interface EvidenceItem {
  kind: string;
  source: EvidenceSource;
  /** What saveDraft is sent; null for the system's evidence (免申即享), which the server keeps. */
  ref: EvidenceRef | null;
  /** The uploaded file (uploads only): the same content cannot count twice. */
  fileId: string | null;
  /** The file's name, or what the reference stands for. */
  name: string;
  sizeBytes: number | null;
}

/** What the organisation's 资料库 or registered account can supply for a kind of evidence. */
export interface EvidenceOffer {
  source: 'library' | 'bank-account';
  ref: EvidenceRef;
  /** e.g. 使用资料库中的信用承诺书（有效期至 2026-12-31） */
  label: string;
}

/** Per evidence kind: the offer, or why it must be uploaded (none yet, expired on …). */
export interface EvidenceChoice {
  offer: EvidenceOffer | null;
  uploadReason: string | null;
}

export function isReference(item: EvidenceItem): boolean {
  return item.source === 'library' || item.source === 'bank-account';
}

export function itemKey(item: EvidenceItem): string {
  return item.fileId ?? `${item.source}-${item.kind}`;
}

export function referenceItem(kind: string, offer: EvidenceOffer): EvidenceItem {
  return {
    kind,
    source: offer.source,
    ref: offer.ref,
    fileId: null,
    name: offer.label,
    sizeBytes: null,
  };
}

/** What the applicant sends: uploads and references (the system's evidence stays on the server). */
export function evidenceRefs(items: readonly EvidenceItem[]): EvidenceRef[] {
  return items.flatMap((i) => (i.ref ? [i.ref] : []));
}
