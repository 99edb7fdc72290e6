import type { Prisma, TransactionClient } from '@kc/db';
import type { ApplicationRow } from './dto';
import type { SavedReference } from './evidence-sources';

/** The relations of an application that submit reads (APPLICATION_INCLUDE plus the references). */
export interface SubmitRelations {
  evidence: (ApplicationRow['evidence'][number] & SavedReference)[];
  events: ApplicationRow['events'];
  invitation: ApplicationRow['invitation'];
  noticeItems: ApplicationRow['noticeItems'];
}

type JsonRow = Record<string, unknown>;

/**
 * What `include: APPLICATION_INCLUDE` (with each evidence's document and account) reads in eight
 * statements, in one: the submit transaction is short by its round trips (issue 13). Ordered as
 * the include orders them, rows with the same time in the order they are stored (`ctid`: evidence
 * saved together keeps the order it was sent in, as the include's scan gives it);
 * `submit-statements.test.ts` holds it equal to Prisma's read.
 */
export async function submitRelations(
  tx: Pick<TransactionClient, '$queryRaw'>,
  applicationId: string,
): Promise<SubmitRelations> {
  const [row] = await tx.$queryRaw<
    {
      evidence: JsonRow[];
      events: JsonRow[];
      invitation: { id: string } | null;
      notice: JsonRow[];
    }[]
  >`
    SELECT
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', v.id, 'applicationId', v.application_id, 'fileId', v.file_id, 'kind', v.kind,
          'source', v.source, 'documentId', v.document_id, 'bankAccountId', v.bank_account_id,
          'note', v.note, 'createdAt', v.created_at,
          'file', CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object(
            'id', f.id, 'sha256', f.sha256, 'sizeBytes', f.size_bytes, 'mimeType', f.mime_type,
            'originalName', f.original_name, 'ownerUserId', f.owner_user_id,
            'createdAt', f.created_at) END,
          'document', CASE WHEN d.id IS NULL THEN NULL ELSE json_build_object(
            'kind', d.kind, 'status', d.status, 'validUntil', d.valid_until) END,
          'bankAccount', CASE WHEN b.id IS NULL THEN NULL ELSE json_build_object(
            'status', b.status) END
        ) ORDER BY v.created_at, v.ctid)
        FROM application_evidence v
        LEFT JOIN stored_file f ON f.id = v.file_id
        LEFT JOIN organisation_document d ON d.id = v.document_id
        LEFT JOIN organisation_bank_account b ON b.id = v.bank_account_id
        WHERE v.application_id = ${applicationId}::uuid
      ), '[]') AS evidence,
      COALESCE((
        SELECT json_agg(json_build_object(
          'id', e.id::text, 'applicationId', e.application_id, 'at', e.at,
          'actorUserId', e.actor_user_id, 'actorRole', e.actor_role, 'action', e.action,
          'fromStatus', e.from_status, 'toStatus', e.to_status, 'comment', e.comment,
          'details', e.details
        ) ORDER BY e.id)
        FROM application_event e
        WHERE e.application_id = ${applicationId}::uuid
      ), '[]') AS events,
      (SELECT json_build_object('id', i.id) FROM exemption_invitation i
        WHERE i.application_id = ${applicationId}::uuid) AS invitation,
      COALESCE((
        SELECT json_agg(json_build_object(
          'status', n.status,
          'batch', json_build_object('publishedOn', nb.published_on, 'endsOn', nb.ends_on)
        ) ORDER BY n.created_at DESC, n.ctid)
        FROM notice_item n
        JOIN notice_batch nb ON nb.id = n.batch_id
        WHERE n.application_id = ${applicationId}::uuid
      ), '[]') AS notice`;
  if (!row) throw new Error('submitRelations returned no row');
  return {
    evidence: row.evidence.map((v) => {
      const file = v.file as JsonRow | null;
      const document = v.document as JsonRow | null;
      return {
        ...(v as Omit<SubmitRelations['evidence'][number], 'createdAt' | 'file' | 'document'>),
        createdAt: date(v.createdAt),
        file: file
          ? {
              ...(file as Omit<
                NonNullable<ApplicationRow['evidence'][number]['file']>,
                'createdAt'
              >),
              createdAt: date(file.createdAt),
            }
          : null,
        document: document
          ? {
              kind: document.kind as string,
              status: document.status as string,
              validUntil: optionalDate(document.validUntil),
            }
          : null,
      };
    }),
    events: row.events.map((e) => ({
      ...(e as Omit<ApplicationRow['events'][number], 'id' | 'at' | 'details'>),
      id: BigInt(e.id as string),
      at: date(e.at),
      details: e.details as Prisma.JsonValue,
    })),
    invitation: row.invitation,
    noticeItems: row.notice.map((n) => {
      const batch = n.batch as JsonRow;
      return {
        status: n.status as string,
        batch: { publishedOn: optionalDate(batch.publishedOn), endsOn: optionalDate(batch.endsOn) },
      };
    }),
  };
}

/** A timestamp or date as JSON gives it (ISO text), as the Date Prisma would give. */
function date(value: unknown): Date {
  return new Date(value as string);
}

function optionalDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : date(value);
}
