import type { Application, Organisation, ReadRows } from '@kc/db';
import { Prisma } from '@kc/db';
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

/** The caller as submit reads them: their organisation (with its verified qualifications) or researcher. */
export interface SubmitCaller {
  organisation:
    | (Pick<Organisation, 'id' | 'name' | 'type' | 'areaCode' | 'verificationStatus'> & {
        verifiedQualifications: { kind: string }[];
      })
    | null;
  researcher: { id: string; name: string } | null;
}

/**
 * Everything a submission reads, in one statement (issue 13: a submission's cost is its round
 * trips and the ORM's fixed cost per statement): the caller's organisation — the one they are an
 * active member of (at most one: unique index) — with its verified qualifications, else their
 * researcher profile; the application's columns as Prisma reads them (null when there is no such
 * application; the caller's scope is checked by the caller); its relations as `submitRelations`.
 */
export async function submitRead(
  read: ReadRows,
  userId: string,
  applicationId: string,
): Promise<SubmitCaller & { application: (Application & SubmitRelations) | null }> {
  const [row] = await read<
    Omit<Application, 'id'> & { id: string | null } & RelationRows & SubmitCaller
  >(Prisma.sql`
    SELECT a.id, a.number, a.applicant_user_id AS "applicantUserId",
      a.organisation_id AS "organisationId", a.researcher_id AS "researcherId",
      a.rule_id AS "ruleId", a.policy_set_id AS "policySetId", a.policy_version AS "policyVersion",
      a.status, a.input, a.area_code AS "areaCode", a.year,
      a.computed_amount_fen AS "computedAmountFen", a.approved_amount_fen AS "approvedAmountFen",
      a.override_reason AS "overrideReason", a.explanation, a.once_keys AS "onceKeys",
      a.item_key AS "itemKey", a.submitted_at AS "submittedAt", a.decided_at AS "decidedAt",
      a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.version,
      (SELECT json_build_object('id', o.id, 'name', o.name, 'type', o.type::text,
          'areaCode', o.area_code, 'verificationStatus', o.verification_status,
          'verifiedQualifications', COALESCE((
            SELECT json_agg(json_build_object('kind', q.kind))
            FROM organisation_qualification q WHERE q.organisation_id = o.id), '[]'))
        FROM organisation o
        WHERE EXISTS (SELECT 1 FROM organisation_member m WHERE m.organisation_id = o.id
          AND m.user_id = ${userId}::uuid AND m.status = 'active')
        LIMIT 1) AS organisation,
      (SELECT json_build_object('id', r.id, 'name', r.name) FROM researcher r
        WHERE r.user_id = ${userId}::uuid) AS researcher,
      ${relationsSql(applicationId)}
    FROM (SELECT 1) AS one LEFT JOIN application a ON a.id = ${applicationId}::uuid`);
  if (!row) throw new Error('submitRead returned no row');
  const { organisation, researcher, evidence, events, invitation, notice, ...columns } = row;
  const application =
    columns.id === null
      ? null
      : {
          ...(columns as Application),
          ...relationsOf({ evidence, events, invitation, notice }),
        };
  return { organisation, researcher, application };
}

interface RelationRows {
  evidence: JsonRow[];
  events: JsonRow[];
  invitation: { id: string } | null;
  notice: JsonRow[];
}

/**
 * What `include: APPLICATION_INCLUDE` (with each evidence's document and account) reads in eight
 * statements, in one: the submit transaction is short by its round trips (issue 13). Ordered as
 * the include orders them, rows with the same time in the order they are stored (`ctid`: evidence
 * saved together keeps the order it was sent in, as the include's scan gives it);
 * `submit-statements.test.ts` holds it equal to Prisma's read.
 */
export async function submitRelations(
  read: ReadRows,
  applicationId: string,
): Promise<SubmitRelations> {
  const [row] = await read<RelationRows>(Prisma.sql`SELECT ${relationsSql(applicationId)}`);
  if (!row) throw new Error('submitRelations returned no row');
  return relationsOf(row);
}

/** The relations' columns (evidence, events, invitation, notice) of one SELECT list. */
function relationsSql(applicationId: string): Prisma.Sql {
  return Prisma.sql`
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
}

function relationsOf(row: RelationRows): SubmitRelations {
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
