import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@kc/db';
import { encodeJson } from '../src/awards/codec';
import { FILE_HOLDERS } from '../src/files/holders';
import { NO_RELATION_HOLDS_FILE, lockOwnFiles, unreferencedFiles } from '../src/files/unreferenced';
import { submittedAlliance } from './alliance-support';
import { firmApplicant, submittedScenario } from './awards-support';
import type { Harness } from './harness';
import { createHarness } from './harness';
import { colleague, storedFile } from './library-support';
import { reportFiles, signedProject } from './selection-support';

/**
 * What holds a stored file (files/holders.ts, files/unreferenced.ts): every relation of
 * `StoredFile`, and every record that names a file otherwise — a submission's attachments in
 * JSON (a draft's too), an alliance's charter by a bare id column, a project report's files. A
 * file any of them holds is in use: 注销 and the retention job leave it.
 */

/** The schema's models: name, table, and field lines (without `///` comments kept apart). */
function models(schema: string) {
  return [...schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)].map(([, name, body]) => {
    const lines = body!.split('\n');
    const table = /@@map\("(\w+)"\)/.exec(body!)?.[1] ?? name!;
    const fields = lines.flatMap((line, i) => {
      const m = /^\s+(\w+)\s+(\w+)(\[\]|\?)?\s*(.*)$/.exec(line);
      if (!m || line.trim().startsWith('//') || line.trim().startsWith('@@')) return [];
      const doc = lines
        .slice(0, i)
        .reverse()
        .findIndex((l) => !l.trim().startsWith('///'));
      const comment = lines.slice(i - (doc === -1 ? i : doc), i).join(' ');
      const column = /@map\("(\w+)"\)/.exec(m[4]!)?.[1] ?? m[1]!;
      return [{ name: m[1]!, type: m[2]!, list: m[3] === '[]', rest: m[4]!, column, comment }];
    });
    return { name: name!, table, fields };
  });
}

describe('the schema’s file holders are all seen', () => {
  const all = models(
    readFileSync(new URL('../../db/prisma/schema.prisma', import.meta.url), 'utf8'),
  );
  const modelNames = new Set(all.map((m) => m.name));

  it('every relation of StoredFile is in the relation filter', () => {
    const storedFile = all.find((m) => m.name === 'StoredFile')!;
    const relations = storedFile.fields
      .filter((f) => f.list && modelNames.has(f.type))
      .map((f) => f.name);
    expect(relations.length).toBeGreaterThan(10);
    expect(Object.keys(NO_RELATION_HOLDS_FILE).sort()).toEqual(relations.sort());
  });

  it('a file id kept without a relation — a bare column, or JSON said to hold one — has a holder rule', () => {
    const bare = all.flatMap((m) =>
      m.fields
        .filter((f) => {
          const related = m.fields.some((r) =>
            new RegExp(`@relation\\([^)]*fields: \\[${f.name}\\]`).test(r.rest),
          );
          const idColumn = /file_?id$/i.test(f.name) && f.type === 'String' && !related;
          const json = f.type === 'Json' && /fileId|StoredFile/.test(f.comment);
          return idColumn || json;
        })
        .map((f) => `${m.table}.${f.column}`),
    );
    // Found by this scan (so a new one is, too) …
    expect(bare).toEqual(
      expect.arrayContaining(['alliance.charter_file_id', 'selection_submission.evidence']),
    );
    // … and each has its rule.
    for (const holder of bare) expect(Object.keys(FILE_HOLDERS)).toContain(holder);
  });
});

describe('unreferencedFiles', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ start: new Date('2027-03-01T02:00:00Z') });
  });
  afterAll(() => h.close());

  /** A scenario-case call taking submissions (the clock is in March 2027). */
  async function openCall() {
    h.clock.now = new Date('2027-03-01T02:00:00Z');
    const admin = await h.officer('admin');
    const created = await admin.selection.calls.create.mutate({
      programme: 'scenario-case',
      year: 2027,
      title: `2027年度市级重大应用场景典型案例评选${Math.random().toString(36).slice(2, 6)}`,
      guide: '面向未来产业五大方向，征集已落地运行、成效明显的应用场景典型案例。',
      applyFrom: '2027-03-01',
      applyUntil: '2027-03-31',
    });
    return admin.selection.calls.advance.mutate({
      id: created.id,
      expectedVersion: created.version,
      action: 'publish',
    });
  }

  it('keeps every file a record holds, whichever kind of record, and only those', async () => {
    // A draft submission (JSON attachments), by a 经办人 of the firm.
    const call = await openCall();
    const firm = await firmApplicant(h, 'yongqiao');
    const agent = await colleague(h, firm.org.id);
    const upload = async (kind: string) => ({
      kind,
      fileId: (await storedFile(h, agent.userId, `${kind}.pdf`)).id,
    });
    const submissionFiles = [await upload('case-summary'), await upload('site-proof')];
    const draft = await agent.client.selection.submissions.save.mutate({
      callId: call.id,
      title: '宿州智慧农业无人机植保应用场景',
      form: { caseName: '宿州智慧农业无人机植保应用场景' },
      team: [],
      evidence: submissionFiles,
    });
    expect(draft.status).toBe('draft');

    // An alliance's charter (a bare id column).
    const { alliance } = await submittedAlliance(h, 'yongqiao');
    const charter = alliance.charter!.id;

    // An application's evidence (a relation).
    const { application } = await submittedScenario(h);
    const evidence = (
      await h.prisma.applicationEvidence.findFirstOrThrow({
        where: { applicationId: application.id, fileId: { not: null } },
      })
    ).fileId!;

    // A project report's files (a relation, and a holder rule).
    const WAN = 1_000_000n; // 1万元 in fen
    const project = await signedProject(h, [
      { condition: 'signing', amountFen: 100n * WAN },
      { condition: 'mid-term', amountFen: 50n * WAN },
      { condition: 'acceptance', amountFen: 50n * WAN },
    ]);
    const attachments = await reportFiles(project.firm);
    await project.client.selection.projects.submitReport.mutate({
      id: project.signed.id,
      expectedVersion: project.signed.version,
      kind: 'mid-term',
      body: {
        summary: '中试线已建成并完成三轮工艺验证，催化剂批次一致性达到任务书要求。',
        milestones: [
          { done: true, note: '中期目标全部完成' },
          { done: false, note: '公斤级制备正在进行' },
        ],
        cityFundsSpentFen: 90n * WAN,
        ownFundsSpentFen: 120n * WAN,
      },
      attachments,
    });

    // And files nobody attached.
    const loose = [(await upload('loose')).fileId, (await project.firm.upload('loose')).fileId];

    const held = {
      'selection_submission.evidence': submissionFiles.map((f) => f.fileId),
      'alliance.charter_file_id': [charter],
      'project_report_file.file_id': attachments.map((a) => a.fileId),
    };
    const everyFile = [...Object.values(held).flat(), evidence, ...loose];

    await h.prisma.$transaction(async (tx) => {
      // Each holder rule finds the files of its records, and no other.
      const read = { prisma: tx, rows: rowsOf(tx) };
      for (const [name, holders] of Object.entries(FILE_HOLDERS)) {
        const found = (await holders(read, everyFile)).map((x) => x.fileId).sort();
        expect({ name, found }).toEqual({
          name,
          found: [...held[name as keyof typeof held]].sort(),
        });
      }
      // Together with the relations, they leave only the loose files.
      const free = await unreferencedFiles(tx, { id: { in: everyFile } });
      expect(free.map((f) => f.id).sort()).toEqual([...loose].sort());
      // Asked about none, none.
      expect(await unreferencedFiles(tx, { id: { in: [] } })).toEqual([]);
    });
  });

  /** Until another session waits on a row lock (PostgreSQL's own view of it), at most 5 s. */
  async function someoneWaits() {
    for (let i = 0; i < 100; i++) {
      const [row] = await h.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (row && row.n > 0n) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  // PGlite has one connection: transactions never overlap there.
  it.runIf(process.env.DATABASE_URL)(
    'a file attached in JSON while it is being judged unreferenced: one waits for the other',
    async () => {
      const firm = await firmApplicant(h, 'yongqiao');
      const [first, second] = [await firm.upload('case-summary'), await firm.upload('site-proof')];
      const judge = (fileId: string) =>
        h.prisma.$transaction(async (tx) => {
          const free = await unreferencedFiles(tx, { id: { in: [fileId] } });
          await tx.storedFile.deleteMany({ where: { id: { in: free.map((f) => f.id) } } });
          return free.map((f) => f.id);
        });
      const gate = () => {
        let open!: () => void;
        return { opened: new Promise<void>((r) => (open = r)), open: () => open() };
      };
      // A draft that names one file so far; `first` is attached to it below.
      const draft = await firm.client.selection.submissions.save.mutate({
        callId: (await openCall()).id,
        title: '宿州智慧农业无人机植保应用场景',
        form: {},
        team: [],
        evidence: [await firm.upload('credit-commitment')],
      });

      // The save locked the file first: the judgement waits for its commit, then sees it held.
      const locked = gate();
      const commit = gate();
      const save = h.prisma.$transaction(async (tx) => {
        expect(await lockOwnFiles(tx, firm.userId, [first.fileId])).toEqual([first.fileId]);
        locked.open();
        await commit.opened;
        await tx.selectionSubmission.update({
          where: { id: draft.id },
          data: { evidence: encodeJson([...draft.evidence, first]) },
        });
      });
      await locked.opened;
      const judged = judge(first.fileId);
      expect(await someoneWaits()).toBe(true);
      commit.open();
      await save;
      expect(await judged).toEqual([]);
      expect(await h.prisma.storedFile.count({ where: { id: first.fileId } })).toBe(1);

      // The judgement locked it first: the save waits, then finds the file gone.
      const judging = gate();
      const done = gate();
      const removal = h.prisma.$transaction(async (tx) => {
        const free = await unreferencedFiles(tx, { id: { in: [second.fileId] } });
        await tx.storedFile.deleteMany({ where: { id: { in: free.map((f) => f.id) } } });
        judging.open();
        await done.opened;
        return free.map((f) => f.id);
      });
      await judging.opened;
      const late = h.prisma.$transaction((tx) => lockOwnFiles(tx, firm.userId, [second.fileId]));
      expect(await someoneWaits()).toBe(true);
      done.open();
      expect(await removal).toEqual([second.fileId]);
      expect(await late).toEqual([]);
    },
  );
});
