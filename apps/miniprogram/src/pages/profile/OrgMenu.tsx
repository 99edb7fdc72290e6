import { View } from '@tarojs/components';
import { pressable } from '../../components/a11y';
import { open, routes } from '../../services/nav';

interface Props {
  verificationStatus: string;
  verificationStatusLabel: string;
  role: 'admin' | 'agent';
}

/**
 * The organisation's own affairs, for its 管理员 and 经办人: verification first (nothing that pays
 * or posts works before it), then people, account, documents and 免申即享. Pages refuse what a
 * role may not do, with the reason.
 */
export function OrgMenu({ verificationStatus, verificationStatusLabel, role }: Props) {
  const verified = verificationStatus === 'verified';
  const items: { id: string; title: string; hint?: string; route: string }[] = [
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
          {item.hint ? <View className="menu__hint">{item.hint}</View> : null}
          <View className="menu__arrow" aria-hidden="true">
            ›
          </View>
        </View>
      ))}
    </View>
  );
}
