/**
 * What each officer role may see and do in the admin. Menus, routes and buttons
 * ask for a code, never for a role name, so a role's remit changes here only.
 * The server enforces the same rules on every procedure; this map only keeps the
 * UI from offering what the server would refuse.
 */
export const ACCESS_CODES = {
  workbench: 'workbench:view',
  organisationList: 'organisation:list',
  organisationView: 'organisation:view',
  /** reveal a full phone number (audited) */
  organisationReveal: 'organisation:reveal',
  researcherList: 'researcher:list',
  researcherReveal: 'researcher:reveal',
  /** 专家库: the city's expert pool (the bureau's roles only, as the server allows) */
  expertList: 'expert:list',
  /** approve, reject, suspend, reinstate an expert */
  expertDecide: 'expert:decide',
  /** reveal an expert's full mobile (audited) */
  expertReveal: 'expert:reveal',
  /** 申报指南: the selection calls and their submissions (case workers; area officers see their area's) */
  selectionCallList: 'selection-call:list',
  /** write a draft call and move a call through its stages (the bureau's roles) */
  selectionCallManage: 'selection-call:manage',
  /** 形式审查, the area's step: submissions 待县区形式审查 of the officer's own area */
  selectionCheckArea: 'selection:check-area',
  /** 形式审查, the bureau's step: submissions 待市局形式审查 */
  selectionCheckBureau: 'selection:check-bureau',
  /** 专家评审: draw a call's review panels and close their scoring (the bureau's roles) */
  selectionPanelManage: 'selection:panel-manage',
  /** 拟定结果: read and save a call's decision from its ranking (the bureau's roles) */
  selectionDecide: 'selection:decide',
  /** 需求征集: the need board's queue, published, returned, merged or closed by an officer of the
   * need's area or the bureau (case workers; the server confines area officers to their area) */
  needCurate: 'need:curate',
  /** 创新联盟: approve, return or dissolve an alliance registration (case workers; the server
   * confines area officers to the lead firm's area) */
  allianceDecide: 'alliance:decide',
  /** 征求意见: the consultations on a policy draft and their comments (the bureau's roles) */
  consultationView: 'consultation:view',
  /** answer a comment (采纳, 不予采纳…) until the 意见采纳情况 is published (the bureau's roles) */
  consultationAnswer: 'consultation:answer',
  /** publish a consultation, and its 意见采纳情况 once it is over (局管理员 only, as the server allows) */
  consultationPublish: 'consultation:publish',
  /** 政策修订: the built-in policy versions and the bureau's amendments of them (the bureau's roles) */
  policyVersionView: 'policy-version:view',
  /** propose and edit an amendment, ask for its adoption, confirm (four eyes), return or withdraw
   * it (局管理员 only, as the server allows) */
  policyVersionManage: 'policy-version:manage',
  applicationList: 'application:list',
  /** approve / reject / return / override amount */
  applicationReview: 'application:review',
  /** the area step: accept, forward, return */
  applicationAreaReview: 'application:area-review',
  noticeList: 'notice:list',
  noticeManage: 'notice:manage',
  budgetList: 'budget:list',
  budgetSet: 'budget:set',
  disbursementList: 'disbursement:list',
  disbursementPrepare: 'disbursement:prepare',
  disbursementConfirm: 'disbursement:confirm',
  vpList: 'vp:list',
  /** open calls, run the matcher, pin/forbid, confirm */
  vpManage: 'vp:manage',
  vpEvaluate: 'vp:evaluate',
  targetsView: 'targets:view',
  /** 机构认证, 变更申请, 认领申诉: decide (the server confines area officers to their area) */
  organisationVerify: 'organisation:verify',
  officialListView: 'official-list:view',
  /** import official lists (高企名单…) and commit them */
  officialListImport: 'official-list:import',
  /** the 免申即享 panel */
  exemptionView: 'exemption:view',
  officerManage: 'officer:manage',
  auditView: 'audit:view',
  /** 后台任务: queue depth, failed jobs, retry */
  jobsView: 'jobs:view',
  /** 我的导出: every officer's background exports (the lists offering 导出全部 say which) */
  exportMine: 'export:mine',
} as const;

export type AccessCode = (typeof ACCESS_CODES)[keyof typeof ACCESS_CODES];

const C = ACCESS_CODES;

const EVERY_OFFICER: readonly AccessCode[] = [C.workbench, C.targetsView, C.exportMine];
/** Case workers (every role but finance) keep the organisation directory. */
const CASEWORK: readonly AccessCode[] = [...EVERY_OFFICER, C.organisationList, C.organisationView];

export const ROLE_ACCESS_CODES: Record<string, readonly AccessCode[]> = {
  'bureau-admin': [
    ...CASEWORK,
    C.organisationReveal,
    C.researcherList,
    C.researcherReveal,
    C.expertList,
    C.expertDecide,
    C.expertReveal,
    C.selectionCallList,
    C.needCurate,
    C.allianceDecide,
    C.selectionCallManage,
    C.selectionCheckBureau,
    C.selectionPanelManage,
    C.selectionDecide,
    C.consultationView,
    C.consultationAnswer,
    C.consultationPublish,
    C.policyVersionView,
    C.policyVersionManage,
    C.applicationList,
    C.applicationReview,
    C.applicationAreaReview,
    C.noticeList,
    C.noticeManage,
    C.budgetList,
    C.budgetSet,
    C.disbursementList,
    C.disbursementPrepare,
    C.vpList,
    C.vpManage,
    C.vpEvaluate,
    C.organisationVerify,
    C.officialListView,
    C.officialListImport,
    C.exemptionView,
    C.officerManage,
    C.auditView,
    C.jobsView,
  ],
  'bureau-reviewer': [
    ...CASEWORK,
    C.organisationReveal,
    C.researcherList,
    C.researcherReveal,
    C.expertList,
    C.expertDecide,
    C.expertReveal,
    C.selectionCallList,
    C.needCurate,
    C.allianceDecide,
    C.selectionCallManage,
    C.selectionCheckBureau,
    C.selectionPanelManage,
    C.selectionDecide,
    C.consultationView,
    C.consultationAnswer,
    C.policyVersionView,
    C.applicationList,
    C.applicationReview,
    C.applicationAreaReview,
    C.noticeList,
    C.noticeManage,
    C.budgetList,
    C.vpList,
    C.vpManage,
    C.vpEvaluate,
    C.organisationVerify,
    C.officialListView,
    C.exemptionView,
  ],
  // The server confines an area officer's lists and details to their own area.
  'area-officer': [
    ...CASEWORK,
    C.organisationReveal,
    C.selectionCallList,
    C.needCurate,
    C.allianceDecide,
    C.selectionCheckArea,
    C.applicationList,
    C.applicationAreaReview,
    C.noticeList,
    C.vpList,
    C.vpEvaluate,
    C.organisationVerify,
    C.auditView,
  ],
  // Finance pays: its batches, their frozen payee accounts, budgets and the ledger. The server
  // refuses it applications, organisations, notices and 科技副总 (docs/AWARD-SPINE.md).
  'finance-officer': [
    ...EVERY_OFFICER,
    C.budgetList,
    C.disbursementList,
    C.disbursementPrepare,
    C.disbursementConfirm,
  ],
};

export function accessCodesForRole(role: string | null | undefined): readonly AccessCode[] {
  return (role && ROLE_ACCESS_CODES[role]) || [];
}

/** True when every required code is held (no requirement means open to any officer). */
export function hasAccessByCodes(
  held: readonly string[],
  required: readonly string[] | undefined,
): boolean {
  if (!required || required.length === 0) return true;
  return required.every((code) => held.includes(code));
}
