/**
 * 个人信息查阅与导出 (个人信息保护法 第四十五条): everything the platform holds about one
 * applicant and the organisations they administer, as plain JSON for the mini-program's summary
 * and as an .xlsx workbook. Bank accounts show their last 4 digits only, files their names and
 * sizes (never the bytes), audit rows the action and the actor's role (never an officer's name).
 */
import type { Prisma } from '@kc/db';
import {
  APPLICATION_ACTION_LABELS,
  applicationStatusName,
  areaName,
  auditActionLabel,
  auditActorRoleName,
  auditObjectTypeLabel,
  maskAccountNo,
  memberRoleName,
  programmeName,
  verificationStatusName,
  vpSecondmentStatusName,
} from '@kc/domain';
import { writeAudit } from '../audit';
import type { Cell } from '../xlsx';
import { XLSX_MIME, addSheet, newWorkbook, workbookBytes } from '../xlsx';
import type { Context } from '../context';
import { appError } from '../errors';

type Db = Pick<
  Prisma.TransactionClient,
  | 'user'
  | 'researcher'
  | 'organisationMember'
  | 'organisation'
  | 'application'
  | 'storedFile'
  | 'vpSecondment'
  | 'notification'
  | 'privacyConsent'
  | 'session'
  | 'auditLog'
>;

const OTHER_EVENT_ACTIONS: Record<string, string> = {
  create: '创建申请',
  'save-draft': '保存草稿',
  'delete-draft': '删除草稿',
  'record-objection': '公示期间收到异议',
  'dismiss-objection': '异议不成立，继续公示',
};

function eventActionName(action: string): string {
  return (
    (APPLICATION_ACTION_LABELS as Record<string, string>)[action] ??
    OTHER_EVENT_ACTIONS[action] ??
    '其他操作'
  );
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const dateOnly = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
const yuan = (fen: bigint | null) => (fen === null ? null : (Number(fen) / 100).toFixed(2));

/** Everything held about `userId`, read in one consistent pass. */
export async function collectMyData(db: Db, userId: string, now: Date) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const researcher = await db.researcher.findUnique({ where: { userId } });
  const memberships = await db.organisationMember.findMany({
    where: { userId },
    include: { organisation: { select: { id: true, name: true } } },
    orderBy: { joinedAt: 'asc' },
  });
  const adminOrgIds = memberships
    .filter((m) => m.status === 'active' && m.role === 'admin')
    .map((m) => m.organisation.id);
  const memberOrgIds = memberships
    .filter((m) => m.status === 'active')
    .map((m) => m.organisation.id);
  const organisations = await db.organisation.findMany({
    where: { id: { in: adminOrgIds } },
    include: {
      verifications: { orderBy: { createdAt: 'asc' } },
      bankAccounts: { orderBy: { createdAt: 'asc' } },
    },
  });
  const applications = await db.application.findMany({
    where: {
      OR: [
        { applicantUserId: userId },
        ...(researcher ? [{ researcherId: researcher.id }] : []),
        ...(memberOrgIds.length ? [{ organisationId: { in: memberOrgIds } }] : []),
      ],
    },
    include: { events: { orderBy: { id: 'asc' } } },
    orderBy: { createdAt: 'asc' },
  });
  const files = await db.storedFile.findMany({
    where: { ownerUserId: userId },
    orderBy: { createdAt: 'asc' },
  });
  const secondments = await db.vpSecondment.findMany({
    where: {
      OR: [
        ...(researcher ? [{ researcherId: researcher.id }] : []),
        ...(adminOrgIds.length ? [{ organisationId: { in: adminOrgIds } }] : []),
      ],
    },
    include: { need: { select: { title: true } }, call: { select: { title: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const notifications = await db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
  });
  const consents = await db.privacyConsent.findMany({
    where: { userId },
    orderBy: { acceptedAt: 'asc' },
  });
  const sessions = await db.session.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
  });
  // Audit rows about them: what they did, and what was done to their own records.
  const about = [
    { objectType: 'user', objectId: userId },
    ...(researcher ? [{ objectType: 'researcher', objectId: researcher.id }] : []),
    ...adminOrgIds.map((id) => ({ objectType: 'organisation', objectId: id })),
    ...applications.map((a) => ({ objectType: 'application', objectId: a.id })),
  ];
  const audit = await db.auditLog.findMany({
    where: { OR: [{ actorUserId: userId }, ...about] },
    orderBy: { id: 'asc' },
  });

  return {
    generatedAt: now.toISOString(),
    profile: {
      id: user.id,
      displayName: user.displayName,
      wechatOpenid: user.openid,
      createdAt: iso(user.createdAt),
      lastLoginAt: iso(user.lastLoginAt),
    },
    researcher: researcher
      ? {
          name: researcher.name,
          residentIdMasked: researcher.residentIdMasked,
          birthDate: dateOnly(researcher.birthDate),
          sex: researcher.sex === 'male' ? '男' : '女',
          mobile: researcher.mobile,
          institutionName: researcher.institutionName,
          institutionCreditCode: researcher.institutionCreditCode,
          title: researcher.title,
          fieldCodes: researcher.fieldCodes,
          expertise: researcher.expertise,
          preferredAreas: researcher.preferredAreaCodes.map((c) => areaName(c)),
          createdAt: iso(researcher.createdAt),
          updatedAt: iso(researcher.updatedAt),
        }
      : null,
    memberships: memberships.map((m) => ({
      organisation: m.organisation.name,
      role: memberRoleName(m.role),
      status: m.status === 'active' ? '在职' : '已结束',
      joinedAt: iso(m.joinedAt),
      endedAt: iso(m.endedAt),
    })),
    organisations: organisations.map((o) => ({
      name: o.name,
      creditCode: o.creditCode,
      area: areaName(o.areaCode),
      address: o.address,
      contactName: o.contactName,
      contactPhone: o.contactPhone,
      legalRepresentative: o.legalRepresentative,
      verificationStatus: verificationStatusName(o.verificationStatus),
      verifiedAt: iso(o.verifiedAt),
      verifications: o.verifications.map((v) => ({
        status: verificationStatusName(v.status),
        legalRepName: v.legalRepName,
        submittedAt: iso(v.createdAt),
        decidedAt: iso(v.decidedAt),
        decisionReason: v.decisionReason,
      })),
      bankAccounts: o.bankAccounts.map((b) => ({
        holder: b.holder,
        bank: `${b.bankName}${b.branchName}`,
        accountNo: maskAccountNo(b.accountNo),
        status: b.status === 'active' ? '当前使用' : '已变更',
        createdAt: iso(b.createdAt),
      })),
    })),
    applications: applications.map((a) => ({
      number: a.number,
      ruleId: a.ruleId,
      programme: programmeName(a.ruleId),
      status: applicationStatusName(a.status),
      year: a.year,
      form: a.input,
      computedAmountYuan: yuan(a.computedAmountFen),
      approvedAmountYuan: yuan(a.approvedAmountFen),
      submittedAt: iso(a.submittedAt),
      decidedAt: iso(a.decidedAt),
      events: a.events.map((e) => ({
        at: iso(e.at),
        action: eventActionName(e.action),
        by: auditActorRoleName(e.actorRole) ?? '系统',
        status: applicationStatusName(e.toStatus),
        comment: e.comment,
      })),
    })),
    files: files.map((f) => ({
      name: f.originalName,
      sizeBytes: f.sizeBytes,
      type: f.mimeType,
      uploadedAt: iso(f.createdAt),
    })),
    secondments: secondments.map((s) => ({
      call: s.call.title,
      need: s.need.title,
      status: vpSecondmentStatusName(s.status),
      startDate: dateOnly(s.startDate),
      endDate: dateOnly(s.endDate),
    })),
    notifications: notifications.map((n) => ({
      title: n.title,
      body: n.body,
      createdAt: iso(n.createdAt),
      readAt: iso(n.readAt),
    })),
    consents: consents.map((c) => ({
      noticeVersion: c.noticeVersion,
      acceptedAt: iso(c.acceptedAt),
      ip: c.ip,
      device: c.userAgent,
    })),
    sessions: sessions.map((s) => ({
      startedAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      device: s.userAgent,
      ip: s.ip,
      ended: s.revokedAt !== null || s.expiresAt <= now,
    })),
    auditLog: audit.map((r) => ({
      at: iso(r.at),
      action: auditActionLabel(r.action),
      record: auditObjectTypeLabel(r.objectType),
      by: r.actorUserId === userId ? '本人' : (auditActorRoleName(r.actorRole) ?? '系统'),
    })),
  };
}

export type MyData = Awaited<ReturnType<typeof collectMyData>>;

/** The same data as a workbook: one sheet per section, Chinese headers. */
export async function myDataXlsx(data: MyData): Promise<Buffer> {
  const wb = newWorkbook(new Date(data.generatedAt));
  const sheet = (name: string, headers: string[], rows: Cell[][]) =>
    addSheet(wb, { name, columns: headers.map((header) => ({ header, width: 22 })), rows });
  const p = data.profile;
  sheet(
    '账号',
    ['项目', '内容'],
    [
      ['账号编号', p.id],
      ['显示名称', p.displayName],
      ['微信用户标识（openid）', p.wechatOpenid],
      ['注册时间', p.createdAt],
      ['最近登录', p.lastLoginAt],
      ['导出时间', data.generatedAt],
    ],
  );
  const r = data.researcher;
  sheet(
    '科研人员信息',
    ['项目', '内容'],
    r
      ? [
          ['姓名', r.name],
          ['身份证号码（脱敏）', r.residentIdMasked],
          ['出生日期', r.birthDate],
          ['性别', r.sex],
          ['手机号码', r.mobile],
          ['单位', r.institutionName],
          ['单位统一社会信用代码', r.institutionCreditCode],
          ['职称', r.title],
          ['专长', r.expertise],
          ['意向县区园区', r.preferredAreas.join('、')],
        ]
      : [],
  );
  sheet(
    '单位成员身份',
    ['单位', '角色', '状态', '加入时间', '结束时间'],
    data.memberships.map((m) => [m.organisation, m.role, m.status, m.joinedAt, m.endedAt]),
  );
  sheet(
    '管理的单位',
    [
      '单位名称',
      '统一社会信用代码',
      '县区园区',
      '地址',
      '联系人',
      '联系电话',
      '法定代表人',
      '认证状态',
    ],
    data.organisations.map((o) => [
      o.name,
      o.creditCode,
      o.area,
      o.address,
      o.contactName,
      o.contactPhone,
      o.legalRepresentative,
      o.verificationStatus,
    ]),
  );
  sheet(
    '机构认证记录',
    ['单位名称', '状态', '法定代表人', '提交时间', '决定时间', '理由'],
    data.organisations.flatMap((o) =>
      o.verifications.map((v) => [
        o.name,
        v.status,
        v.legalRepName,
        v.submittedAt,
        v.decidedAt,
        v.decisionReason,
      ]),
    ),
  );
  sheet(
    '收款账户',
    ['单位名称', '开户名称', '开户银行', '账号（仅后4位）', '状态', '登记时间'],
    data.organisations.flatMap((o) =>
      o.bankAccounts.map((b) => [o.name, b.holder, b.bank, b.accountNo, b.status, b.createdAt]),
    ),
  );
  sheet(
    '申请',
    [
      '申请编号',
      '项目',
      '状态',
      '年度',
      '测算金额（元）',
      '核定金额（元）',
      '提交时间',
      '填报内容',
    ],
    data.applications.map((a) => [
      a.number,
      a.programme,
      a.status,
      a.year,
      a.computedAmountYuan,
      a.approvedAmountYuan,
      a.submittedAt,
      JSON.stringify(a.form),
    ]),
  );
  sheet(
    '申请进度',
    ['申请编号', '时间', '操作', '操作人', '状态', '意见'],
    data.applications.flatMap((a) =>
      a.events.map((e) => [a.number, e.at, e.action, e.by, e.status, e.comment]),
    ),
  );
  sheet(
    '上传材料',
    ['文件名', '大小（字节）', '类型', '上传时间'],
    data.files.map((f) => [f.name, f.sizeBytes, f.type, f.uploadedAt]),
  );
  sheet(
    '科技副总选派',
    ['批次', '需求', '状态', '开始日期', '结束日期'],
    data.secondments.map((s) => [s.call, s.need, s.status, s.startDate, s.endDate]),
  );
  sheet(
    '消息',
    ['标题', '内容', '时间', '已读时间'],
    data.notifications.map((n) => [n.title, n.body, n.createdAt, n.readAt]),
  );
  sheet(
    '隐私保护指引同意记录',
    ['版本', '同意时间', '网络地址', '设备'],
    data.consents.map((c) => [c.noticeVersion, c.acceptedAt, c.ip, c.device]),
  );
  sheet(
    '登录记录',
    ['登录时间', '最近使用', '设备', '网络地址', '已结束'],
    data.sessions.map((s) => [s.startedAt, s.lastSeenAt, s.device, s.ip, s.ended ? '是' : '否']),
  );
  sheet(
    '操作日志',
    ['时间', '操作', '记录', '操作人'],
    data.auditLog.map((a) => [a.at, a.action, a.record, a.by]),
  );
  return workbookBytes(wb);
}

/**
 * The download (GET /files/me/export.xlsx): an applicant's own workbook, audited like the JSON.
 * Officers and anonymous callers are refused as the procedure refuses them.
 */
export async function exportMyDataXlsx(
  ctx: Pick<Context, 'db' | 'now' | 'ip' | 'caller' | 'authError'>,
): Promise<{ fileName: string; mimeType: string; bytes: Buffer }> {
  if (!ctx.caller) throw appError(ctx.authError ?? 'UNAUTHENTICATED');
  if (ctx.caller.kind !== 'applicant') throw appError('FORBIDDEN');
  const caller = ctx.caller;
  const data = await collectMyData(ctx.db.prisma, caller.userId, ctx.now());
  const bytes = await myDataXlsx(data);
  await writeAudit(
    ctx.db.prisma,
    { caller, ip: ctx.ip, now: ctx.now },
    {
      action: 'privacy.export',
      objectType: 'user',
      objectId: caller.userId,
      details: { format: 'xlsx' },
    },
  );
  return {
    fileName: `我的个人信息-${data.generatedAt.slice(0, 10)}.xlsx`,
    mimeType: XLSX_MIME,
    bytes,
  };
}
