/**
 * Main package: what a first visit and the four bottom tabs need. The application forms, the
 * 科技副总 section, the 专家库, the 申报指南, 我的项目, the 需求榜 (我的需求, the public board,
 * 揭榜), 创新联盟 and 征求意见 are sub-packages, downloaded when first opened (main package budget
 * 600 KB).
 */
export default defineAppConfig({
  pages: [
    'pages/login/index',
    'pages/register/index',
    'pages/programmes/index',
    'pages/applications/index',
    'pages/messages/index',
    'pages/profile/index',
  ],
  subPackages: [
    {
      root: 'packages/apply',
      pages: ['programme/index', 'form/index', 'detail/index'],
    },
    {
      root: 'packages/vp',
      pages: ['home/index', 'need/index', 'candidate/index', 'secondment/index'],
    },
    {
      // The organisation's own affairs: verification, people, bank account, documents, 免申即享.
      root: 'packages/org',
      pages: [
        'verify/index',
        'change/index',
        'claim/index',
        'members/index',
        'join/index',
        'bank/index',
        'documents/index',
        'invitations/index',
      ],
    },
    {
      // 个人信息与隐私: see and export one's own data, 注销.
      root: 'packages/me',
      pages: ['privacy/index'],
    },
    {
      // 专家库: apply to join the bureau's pool of review experts, and where the application stands;
      // 评审任务: an expert's invitations, the panels they accepted and their own score sheets;
      // 项目验收: a project's final report an acceptance panel reads, and the expert's verdict.
      root: 'packages/expert',
      pages: ['profile/index', 'reviews/index', 'panel/index', 'score/index', 'acceptance/index'],
    },
    {
      // 申报指南: the bureau's selection calls, and the organisation's submission to one;
      // 合作申报确认: the parts other organisations' team submissions ask this one to take on.
      root: 'packages/selection',
      pages: ['calls/index', 'call/index', 'submission/index', 'team/index'],
    },
    {
      // 我的项目: the projects the organisation's selected key-project submissions became, their
      // 任务书 and, for the unit's administrator, 签订任务书, the 中期 / 结题验收 reports and
      // 延期 / 变更 / 终止 requests.
      root: 'packages/projects',
      pages: ['mine/index', 'detail/index', 'report/index', 'change/index'],
    },
    {
      // 需求榜: the organisation's own needs as their poster sees them (status, responses), posting
      // and correcting one, a published 技术攻关需求 turned into a 科技副总 need; the public board
      // (from the 政策 tab, open without login), a published need and its 揭榜 form.
      root: 'packages/needs',
      pages: [
        'mine/index',
        'detail/index',
        'post/index',
        'board/index',
        'item/index',
        'respond/index',
      ],
    },
    {
      // 创新联盟 (方案四.4): the alliances the organisation leads, registering and correcting one
      // (its administrator), where each stands; the public registry of approved alliances.
      root: 'packages/alliances',
      pages: ['mine/index', 'detail/index', 'form/index', 'board/index', 'item/index'],
    },
    {
      // 政策征求意见 (from the 政策 tab, open without login): the consultations, the draft clause by
      // clause with the 意见采纳情况 once published; 提意见 on one clause and 我的意见 (signed in).
      root: 'packages/policy-comments',
      pages: ['list/index', 'detail/index', 'comment/index', 'mine/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f6fa',
    navigationBarBackgroundColor: '#1d6ff2',
    navigationBarTitleText: '宿州科创',
    navigationBarTextStyle: 'white',
  },
});
