import { routes } from '../../services/nav';

/** The pages a message's link opens, by the API's `link.page` (the id goes in the query). */
const LINK_ROUTES: Record<string, string> = {
  application: routes.application,
  secondment: routes.vpSecondment,
  need: routes.vpHome,
  'org-members': routes.orgMembers,
  'org-bank': routes.orgBank,
  'org-verify': routes.orgVerify,
  'org-change': routes.orgChange,
  'org-claim': routes.orgClaim,
  'exemption-invitation': routes.orgInvitations,
  // A selection call: the organisation's own submission is on it (合作成员单位的答复).
  'selection-call': routes.selectionCall,
  // 项目立项: the project and its 任务书, signed there by the unit's administrator.
  project: routes.project,
  // 创新联盟: the registration as the lead firm sees it (decision, comment).
  alliance: routes.myAlliance,
  // 征求意见采纳情况已发布: the consultation, with every comment's answer under its clause.
  'policy-consultation': routes.consultation,
};

/** Messages the API sends without a link that still have a page to answer them on, by kind. */
const KIND_ROUTES: Record<string, string> = {
  // 合作申报待确认: the list of parts asked of the organisation.
  'selection.team-request': routes.selectionTeam,
};

/** Where tapping a message goes: its link's page, else its kind's page, else nowhere. */
export function messageTarget(m: {
  kind: string;
  link: { page: string; id: string } | null;
}): { route: string; query: Record<string, string> } | null {
  const linked = m.link ? LINK_ROUTES[m.link.page] : undefined;
  if (m.link && linked) return { route: linked, query: { id: m.link.id } };
  const byKind = KIND_ROUTES[m.kind];
  return byKind ? { route: byKind, query: {} } : null;
}
