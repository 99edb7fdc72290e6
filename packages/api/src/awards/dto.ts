import type { Application, ApplicationEvent, ApplicationEvidence, StoredFile } from '@kc/db';
import type {
  ApplicationStatus,
  EvidenceRef,
  EvidenceSource,
  Explanation,
  TransitionActor,
} from '@kc/domain';
import {
  APPLICATION_ACTION_LABELS,
  allowedActions,
  applicationStatusName,
  evidenceSourceName,
  isApplicationAction,
  noticeStartDate,
  policyRule,
} from '@kc/domain';
import { dateOf } from '../dates';
import { decodeJson } from './codec';
import { policySetById } from '../policy/catalogue';

export type ApplicationRow = Application & {
  evidence: (ApplicationEvidence & { file: StoredFile | null })[];
  events: ApplicationEvent[];
  invitation: { id: string } | null;
  noticeItems: { status: string; batch: { publishedOn: Date | null; endsOn: Date | null } }[];
};

export const APPLICATION_INCLUDE = {
  evidence: { include: { file: true }, orderBy: { createdAt: 'asc' } },
  events: { orderBy: { id: 'asc' } },
  invitation: { select: { id: true } },
  noticeItems: {
    select: { status: true, batch: { select: { publishedOn: true, endsOn: true } } },
    orderBy: { createdAt: 'desc' },
  },
} as const;

/** The latest published notice listing the application, unless an objection pulled it out. */
function noticeOf(row: ApplicationRow): { startsOn: string; endsOn: string } | null {
  const item = row.noticeItems.find((i) => i.status !== 'pulled' && i.batch.publishedOn);
  const publishedOn = dateOf(item?.batch.publishedOn ?? null);
  const endsOn = dateOf(item?.batch.endsOn ?? null);
  return publishedOn && endsOn ? { startsOn: noticeStartDate(publishedOn), endsOn } : null;
}

/** An application as its owner and the officers see it; `actor` decides the action buttons. */
export function applicationDto(row: ApplicationRow, actor: TransitionActor) {
  const set = policySetById(row.policySetId);
  const rule = set ? policyRule(set, row.ruleId) : undefined;
  const evidenceNames = new Map(rule?.guide.evidence.map((e) => [e.kind, e.name]) ?? []);
  const status = row.status as ApplicationStatus;
  return {
    id: row.id,
    number: row.number,
    ruleId: row.ruleId,
    ruleName: rule?.name ?? row.ruleId,
    clause: rule?.clause ?? '',
    policySetId: row.policySetId,
    policyVersion: row.policyVersion,
    status,
    statusLabel: applicationStatusName(status),
    areaCode: row.areaCode,
    year: row.year,
    input: decodeJson<Record<string, unknown>>(row.input) ?? {},
    evidence: row.evidence.map((e) => ({
      fileId: e.fileId,
      kind: e.kind,
      kindName: evidenceNames.get(e.kind) ?? e.kind,
      source: e.source as EvidenceSource,
      sourceLabel: evidenceSourceName(e.source),
      note: e.note,
      documentId: e.documentId,
      /** What the applicant sends back to keep it (saveDraft); null for the system's evidence. */
      ref: evidenceRefOf(e),
      originalName: e.file?.originalName ?? null,
      mimeType: e.file?.mimeType ?? null,
      sizeBytes: e.file?.sizeBytes ?? null,
    })),
    /** The period of the public notice it is (or was) listed in; null before it is published. */
    notice: noticeOf(row),
    /** 免申即享: the application came from an official list, confirmed by the organisation. */
    viaExemption: row.invitation !== null,
    computedAmountFen: row.computedAmountFen,
    approvedAmountFen: row.approvedAmountFen,
    overrideReason: row.overrideReason,
    explanation: explanationFor(decodeJson<Explanation>(row.explanation), actor),
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    timeline: row.events.map((e) => ({
      at: e.at,
      action: e.action,
      actionLabel: isApplicationAction(e.action)
        ? APPLICATION_ACTION_LABELS[e.action]
        : actionLabel(e.action),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      toStatusLabel: applicationStatusName(e.toStatus),
      actorRole: e.actorRole,
      comment: e.comment,
    })),
    allowedActions: allowedActions({ status, actor, applicationAreaCode: row.areaCode }),
  };
}

/** The programme's budget (noted at approval) is for officers: applicants get the rest. */
function explanationFor(
  explanation: Explanation | null,
  actor: TransitionActor,
): Explanation | null {
  if (!explanation || actor.kind !== 'applicant') return explanation;
  const { budget: _officersOnly, ...rest } = explanation;
  return rest;
}

function evidenceRefOf(e: ApplicationEvidence): EvidenceRef | null {
  if (e.source === 'upload' && e.fileId) return { kind: e.kind, fileId: e.fileId };
  if (e.source === 'library' && e.documentId) return { kind: e.kind, documentId: e.documentId };
  if (e.source === 'bank-account') return { kind: e.kind, bankAccount: true };
  return null;
}

const OTHER_ACTIONS: Record<string, string> = {
  create: '创建申请',
  'save-draft': '保存草稿',
  'delete-draft': '删除草稿',
  'record-objection': '公示期间收到异议',
  'dismiss-objection': '异议不成立，继续公示',
  'release-tranche': '按项目任务书生成拨付申请',
};

function actionLabel(action: string): string {
  return OTHER_ACTIONS[action] ?? action;
}
