import { View } from '@tarojs/components';
import { pressable } from '../../components/a11y';
import { open, routes } from '../../services/nav';

interface Props {
  verificationStatus: string;
  verificationStatusLabel: string;
  role: 'admin' | 'agent';
  /** 合作申报确认 requests waiting for the organisation's answer. */
  teamPending: number;
}

/**
 * The organisation's own affairs, for its 管理员 and 经办人: verification first (nothing that pays
 * or posts works before it), then people, account, documents, 免申即享, 合作申报确认 (with how
 * many parts wait for an answer), 我的项目 (立项 projects and their 任务书), the needs it
 * posted on the 需求榜 and the 创新联盟 it leads. Pages refuse what a role may not do, with the
 * reason.
 */
export function OrgMenu({ verificationStatus, verificationStatusLabel, role, teamPending }: Props) {
  const verified = verificationStatus === 'verified';
  const items: { id: string; title: string; hint?: string; pending?: boolean; route: string }[] = [
    {
      id: 'org-menu-verify',
      title: '机构认证',
      hint: verificationStatusLabel,
      route: routes.orgVerify,
    },
    ...(verified && role === 'admin'
      ? [
          {
            id: 'org-menu-change',
            title: '变更申请',
            hint: '名称、信用代码、类型',
            route: routes.orgChange,
          },
        ]
      : []),
    {
      id: 'org-menu-members',
      title: '单位成员',
      hint: role === 'admin' ? '邀请经办人' : '',
      route: routes.orgMembers,
    },
    { id: 'org-menu-bank', title: '收款账户', route: routes.orgBank },
    {
      id: 'org-menu-documents',
      title: '单位资料库',
      hint: '营业执照、信用承诺书等',
      route: routes.orgDocuments,
    },
    {
      id: 'org-menu-invitations',
      title: '免申即享',
      hint: '无需申请的奖补',
      route: routes.orgInvitations,
    },
    {
      id: 'org-menu-team',
      title: '合作申报确认',
      hint: teamPending > 0 ? `${teamPending} 项待确认` : '其他单位申报中本单位承担的任务',
      pending: teamPending > 0,
      route: routes.selectionTeam,
    },
    {
      id: 'org-menu-projects',
      title: '我的项目',
      hint: '立项项目与任务书签订',
      route: routes.myProjects,
    },
    {
      id: 'org-menu-needs',
      title: '我的需求',
      hint: '需求榜的场景与攻关需求',
      route: routes.myNeeds,
    },
    {
      id: 'org-menu-alliances',
      title: '我的创新联盟',
      hint: '牵头组建的创新联合体登记',
      route: routes.myAlliances,
    },
  ];
  return (
    <View className="card menu" id="org-menu">
      {items.map((item) => (
        <View
          key={item.id}
          {...pressable('link')}
          className="menu__item"
          id={item.id}
          onClick={() => void open(item.route)}
        >
          <View>{item.title}</View>
          {item.hint ? (
            <View
              className={item.pending ? 'menu__hint profile__pending' : 'menu__hint'}
              id={`${item.id}-hint`}
            >
              {item.hint}
            </View>
          ) : null}
          <View className="menu__arrow" aria-hidden="true">
            ›
          </View>
        </View>
      ))}
    </View>
  );
}
