/**
 * (a) The database the migrations build is the database schema.prisma describes.
 * Fails when someone edits schema.prisma and forgets `pnpm db:migration:new`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  MIGRATIONS_DIR,
  SCHEMA_FILE,
  SNAPSHOT_FILE,
  readMigrations,
  runMigrations,
} from '../src/migrate/runner';
import { diffSchemas } from '../src/migrate/schema-engine';
import { createScratchDatabase } from '../src/testing';
import type { ScratchDatabase } from '../src/testing';
import { readCatalog } from './catalog';

/** `table | trigger` — hand-written in the migrations. */
const HAND_WRITTEN_TRIGGERS = [
  'audit_log | audit_log_no_truncate',
  'audit_log | audit_log_no_update_delete',
  'application_event | application_event_no_truncate',
  'application_event | application_event_no_update_delete',
  'ledger_entry | ledger_entry_no_truncate',
  'ledger_entry | ledger_entry_no_update_delete',
  'policy_version | policy_version_immutable',
  'policy_version | policy_version_no_truncate',
  'session | session_notify_change',
  'session | session_notify_truncate',
  'user | user_notify_change',
  'user | user_notify_truncate',
];

/** `table | constraint` — CHECK constraints hand-written in the migrations (behaviour: constraints tests). */
const HAND_WRITTEN_CHECKS = [
  'stored_file | stored_file_size_nonnegative',
  'stored_file | stored_file_sha256_hex',
  'number_counter | number_counter_positive',
  'application | application_status_valid',
  'application | application_amounts_nonnegative',
  'application | application_override_has_reason',
  'application | application_awarded_has_amount',
  'application | application_version_positive',
  'application | application_year_plausible',
  'programme_budget | programme_budget_nonnegative',
  'programme_budget | programme_budget_within_budget',
  'notice_batch | notice_batch_status_valid',
  'notice_batch | notice_batch_working_days_positive',
  'notice_batch | notice_batch_published_complete',
  'notice_batch | notice_batch_closed_complete',
  'notice_batch | notice_batch_dates_ordered',
  'notice_batch | notice_batch_withdrawn_is_selection',
  'notice_item | notice_item_status_valid',
  'notice_item | notice_item_lists_one',
  'notice_item | notice_item_listed_is_selection',
  'objection | objection_status_valid',
  'objection | objection_resolved_complete',
  'disbursement_batch | disbursement_batch_status_valid',
  'disbursement_batch | disbursement_batch_total_nonnegative',
  'disbursement_batch | disbursement_batch_confirmed_complete',
  'disbursement_batch | disbursement_batch_paid_complete',
  'disbursement | disbursement_status_valid',
  'disbursement | disbursement_amount_positive',
  'disbursement | disbursement_paid_complete',
  'ledger_entry | ledger_entry_kind_valid',
  'ledger_entry | ledger_entry_amount_positive',
  'ledger_entry | ledger_entry_round_positive',
  'ledger_entry | ledger_entry_payment_has_disbursement',
  'vp_call | vp_call_status_valid',
  'vp_call | vp_call_year_plausible',
  'vp_call | vp_call_deadlines_ordered',
  'vp_call | vp_call_confirmed_has_run',
  'vp_need | vp_need_status_valid',
  'vp_need | vp_need_positions_positive',
  'vp_need | vp_need_days_positive',
  'vp_candidate | vp_candidate_status_valid',
  'vp_candidate | vp_candidate_capacity_positive',
  'vp_pair_rule | vp_pair_rule_kind_valid',
  'vp_proposal | vp_proposal_score_nonnegative',
  'vp_secondment | vp_secondment_status_valid',
  'vp_secondment | vp_secondment_active_complete',
  'vp_secondment | vp_secondment_dates_ordered',
  'vp_secondment | vp_secondment_ended_has_reason',
  'vp_work_log | vp_work_log_month_format',
  'vp_work_log | vp_work_log_days_valid',
  'vp_result | vp_result_amount_positive',
  'vp_result | vp_result_quantity_positive',
  'vp_evaluation | vp_evaluation_grade_valid',
  'vp_evaluation | vp_evaluation_unqualified_has_comment',
  'notification | notification_link_complete',
  'notification | notification_push_status_valid',
  'organisation | organisation_verification_status_valid',
  'organisation | organisation_verified_has_time',
  'organisation | organisation_version_positive',
  'researcher | researcher_institution_link_valid',
  'organisation_member | organisation_member_role_valid',
  'organisation_member | organisation_member_status_valid',
  'organisation_member | organisation_member_origin_valid',
  'organisation_member | organisation_member_ended_complete',
  'organisation_member | organisation_member_end_reason_valid',
  'organisation_invite | organisation_invite_role_valid',
  'organisation_invite | organisation_invite_used_complete',
  'organisation_invite | organisation_invite_revoked_complete',
  'organisation_invite | organisation_invite_expiry_after_creation',
  'organisation_verification | organisation_verification_status_valid',
  'organisation_verification | organisation_verification_licence_kind_valid',
  'organisation_verification | organisation_verification_role_valid',
  'organisation_verification | organisation_verification_authorised',
  'organisation_verification | organisation_verification_decided_complete',
  'organisation_change | organisation_change_status_valid',
  'organisation_change | organisation_change_decided_complete',
  'organisation_claim | organisation_claim_status_valid',
  'organisation_claim | organisation_claim_licence_kind_valid',
  'organisation_claim | organisation_claim_role_valid',
  'organisation_claim | organisation_claim_authorised',
  'organisation_claim | organisation_claim_decided_complete',
  'organisation_bank_account | organisation_bank_account_status_valid',
  'organisation_bank_account | organisation_bank_account_number_digits',
  'organisation_bank_account | organisation_bank_account_replaced_complete',
  'organisation_document | organisation_document_status_valid',
  'organisation_document | organisation_document_superseded_complete',
  'organisation_qualification | organisation_qualification_source_valid',
  'organisation_qualification | organisation_qualification_from_list',
  'official_list_import | official_list_import_status_valid',
  'official_list_import | official_list_import_committed_complete',
  'official_list_row | official_list_row_outcome_valid',
  'exemption_invitation | exemption_invitation_status_valid',
  'exemption_invitation | exemption_invitation_confirmed_complete',
  'application_evidence | application_evidence_source_valid',
  'application_evidence | application_evidence_backed',
  'expert | expert_status_valid',
  'expert | expert_refused_has_reason',
  'expert | expert_has_field',
  'selection_call | selection_call_programme_valid',
  'selection_call | selection_call_status_valid',
  'selection_call | selection_call_dates_ordered',
  'selection_call | selection_call_quota_positive',
  'selection_call | selection_call_budget_nonnegative',
  'selection_call | selection_call_published_complete',
  'selection_call | selection_call_decided_complete',
  'selection_call | selection_call_decided_total_nonnegative',
  'selection_call | selection_call_result_document_complete',
  'selection_call | selection_call_result_when_concluded',
  'project | project_status_valid',
  'project | project_signed_complete',
  'project | project_version_positive',
  'project_report | project_report_kind_valid',
  'project_report | project_report_status_valid',
  'project_report | project_report_reviewed_complete',
  'project_report | project_report_counts_positive',
  'project_report_file | project_report_file_kind_valid',
  'project_report_file | project_report_file_position_positive',
  'project_change | project_change_kind_valid',
  'project_change | project_change_status_valid',
  'project_change | project_change_extension_months',
  'project_change | project_change_termination_reason',
  'project_change | project_change_decided_complete',
  'alliance | alliance_status_valid',
  'alliance | alliance_approved_complete',
  'alliance | alliance_version_positive',
  'alliance_member | alliance_member_position_positive',
  'selection_submission | selection_submission_status_valid',
  'selection_submission | selection_submission_refusal_has_comment',
  'selection_submission | selection_submission_submitted_complete',
  'selection_submission | selection_submission_decided_category_valid',
  'selection_submission | selection_submission_decided_complete',
  'selection_submission | selection_submission_departure_has_reason',
  'selection_team_member | selection_team_member_confirmed_complete',
  'selection_team_member | selection_team_member_declined_complete',
  'selection_team_member | selection_team_member_one_answer',
  'review_panel | review_panel_status_valid',
  'review_panel | review_panel_closed_complete',
  'review_panel | review_panel_seeded',
  'review_panel | review_panel_kind_valid',
  'review_assignment | review_assignment_status_valid',
  'review_score | review_score_complete',
  'acceptance_verdict | acceptance_verdict_complete',
  'innovation_need | innovation_need_kind_valid',
  'innovation_need | innovation_need_status_valid',
  'innovation_need | innovation_need_returned_has_comment',
  'innovation_need | innovation_need_merged_has_target',
  'innovation_need | innovation_need_published_has_time',
  'policy_consultation | policy_consultation_period_check',
  'policy_sandbox_run | policy_sandbox_run_state_check',
  'policy_sandbox_run | policy_sandbox_run_purpose_check',
  'policy_version | policy_version_checksum_hex',
  'policy_version | policy_version_returned_check',
  'policy_version | policy_version_status_check',
  'policy_comment | policy_comment_outcome_check',
];

/**
 * `table | index` — partial indexes hand-written in the migrations (Prisma cannot model a WHERE
 * clause): "one active / pending / current … per …", the review queue's submitted rows, and the
 * award history's awarded rows.
 */
const HAND_WRITTEN_PARTIAL_INDEXES = [
  'organisation_member | organisation_member_one_active_per_user',
  'organisation_verification | organisation_verification_one_pending',
  'organisation_change | organisation_change_one_pending',
  'organisation_claim | organisation_claim_one_pending',
  'organisation_bank_account | organisation_bank_account_one_active',
  'organisation_document | organisation_document_one_current',
  'application | application_queue_submitted_idx',
  'application | application_queue_submitted_desc_idx',
  'application | application_awarded_once_keys_idx',
  'application | application_awarded_rule_year_idx',
  'project_change | project_change_one_pending',
];

/** `table | index` — other indexes hand-written in the migrations: pg_trgm operator classes. */
const HAND_WRITTEN_INDEXES = [
  'application | application_number_trgm_idx',
  'organisation | organisation_name_trgm_idx',
  'researcher | researcher_name_trgm_idx',
];

const handWritten = (index: string) =>
  HAND_WRITTEN_INDEXES.includes(index.split(' | ').slice(0, 2).join(' | '));

const scratches: ScratchDatabase[] = [];
afterAll(async () => {
  await Promise.all(scratches.map((s) => s.drop()));
});

/** A fresh database, built by `build`, described by its catalog. */
async function catalogOf(
  build: (conn: Awaited<ReturnType<ScratchDatabase['connect']>>['conn']) => Promise<unknown>,
) {
  const scratch = await createScratchDatabase();
  scratches.push(scratch);
  const { conn, close } = await scratch.connect();
  try {
    await build(conn);
    return await readCatalog(conn);
  } finally {
    await close();
  }
}

describe('migrations ↔ schema.prisma', async () => {
  const schema = await readFile(SCHEMA_FILE, 'utf8');
  const fromSchema = await diffSchemas(null, { path: 'schema.prisma', content: schema });

  it('applying the migrations gives the same tables, columns, indexes and constraints as schema.prisma', async () => {
    const [migrated, direct] = await Promise.all([
      catalogOf((conn) => runMigrations(conn)),
      catalogOf((conn) => conn.exec(fromSchema)),
    ]);
    expect(migrated.tables.length).toBeGreaterThanOrEqual(5);
    // Everything Prisma models is compared strictly: tables, columns, indexes, keys, enums.
    const modelled = migrated.indexes.filter((i) => !handWritten(i));
    expect({
      ...migrated,
      indexes: modelled,
      triggers: [],
      checks: [],
      partialIndexes: [],
    }).toEqual({
      ...direct,
      triggers: [],
      checks: [],
      partialIndexes: [],
    });
    // Triggers and CHECK constraints are hand-written SQL, not in schema.prisma: the schema
    // builds none, and the migrations build exactly these.
    expect(direct.triggers).toEqual([]);
    expect(direct.checks).toEqual([]);
    expect(direct.partialIndexes).toEqual([]);
    expect(migrated.partialIndexes.map((i) => i.split(' | ').slice(0, 2).join(' | '))).toEqual(
      HAND_WRITTEN_PARTIAL_INDEXES.toSorted(),
    );
    expect(
      migrated.indexes.filter(handWritten).map((i) => i.split(' | ').slice(0, 2).join(' | ')),
    ).toEqual(HAND_WRITTEN_INDEXES.toSorted());
    expect(direct.indexes.filter(handWritten)).toEqual([]);
    expect(migrated.triggers).toEqual(HAND_WRITTEN_TRIGGERS.toSorted());
    expect(migrated.checks.map((c) => c.split(' | ').slice(0, 2).join(' | '))).toEqual(
      HAND_WRITTEN_CHECKS.toSorted(),
    );
  });

  it('the comparison notices a schema change without a migration', async () => {
    const edited = schema.replace(/(model Organisation \{\n)/, '$1  website String?\n');
    expect(edited).not.toBe(schema);
    const [migrated, direct] = await Promise.all([
      catalogOf((conn) => runMigrations(conn)),
      catalogOf(async (conn) =>
        conn.exec(await diffSchemas(null, { path: 'edited.prisma', content: edited })),
      ),
    ]);
    expect(direct.columns).not.toEqual(migrated.columns);
  });

  it('the latest migration was made from the current schema.prisma (its snapshot has no diff to it)', async () => {
    const migrations = await readMigrations();
    const latest = migrations.at(-1);
    expect(latest).toBeDefined();
    for (const m of migrations)
      expect(existsSync(join(MIGRATIONS_DIR, m.name, SNAPSHOT_FILE)), m.name).toBe(true);
    const snapshot = await readFile(
      join(MIGRATIONS_DIR, latest?.name ?? '', SNAPSHOT_FILE),
      'utf8',
    );
    expect(
      await diffSchemas(
        { path: 'snapshot.prisma', content: snapshot },
        { path: 'schema.prisma', content: schema },
      ),
    ).toBe('');
  });

  it('has a migration_lock.toml for postgresql', async () => {
    expect(await readFile(join(MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8')).toContain(
      'provider = "postgresql"',
    );
  });
});
