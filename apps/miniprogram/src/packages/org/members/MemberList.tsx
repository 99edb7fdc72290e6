import { View } from '@tarojs/components';
import { api } from '../../../api/client';
import { formatDate } from '../../../format';
import type { Member, Roster } from './data';
import { confirmThen } from './data';
import { pressable } from '../../../components/a11y';

/** 单位成员: administrators first; administrators act on the others. */
export function MemberList({ roster, onChanged }: { roster: Roster; onChanged: () => void }) {
  const admin = roster.me.isAdmin;
  const members = api.myOrg.members;

  const handOver = (m: Member) =>
    confirmThen({
      title: '移交管理员',
      content: `将管理员身份移交给${m.name}后，您将成为经办人，不能再管理成员、收款账户和认证资料。确定移交吗？`,
      confirmText: '移交',
      run: () => members.handOver.mutate({ memberId: m.id }),
      done: '已移交',
      onDone: onChanged,
    });
  const setRole = (m: Member, role: 'admin' | 'agent') =>
    confirmThen({
      title: role === 'admin' ? '设为管理员' : '设为经办人',
      content:
        role === 'admin'
          ? `${m.name}将可以管理成员、收款账户和认证资料。确定吗？`
          : `${m.name}将不能再管理成员、收款账户和认证资料。确定吗？`,
      run: () => members.setRole.mutate({ memberId: m.id, role }),
      done: '已调整',
      onDone: onChanged,
    });
  const remove = (m: Member) =>
    confirmThen({
      title: '移除成员',
      content: `移除后，${m.name}不能再以本单位名义办理事项，其生成的未使用邀请码同时失效。确定移除吗？`,
      confirmText: '移除',
      run: () => members.remove.mutate({ memberId: m.id }),
      done: '已移除',
      onDone: onChanged,
    });

  return (
    <View className="card" id="members-list">
      <View className="card__title">单位成员（{roster.members.length}人）</View>
      {roster.members.map((m) => (
        <View key={m.id} className="list-item list-item--column" id={`member-${m.id}`}>
          <View className="list-item__row">
            <View className="list-item__title">
              {m.name}
              {m.isMe ? '（我）' : ''}
            </View>
            <View className={m.role === 'admin' ? 'tag member__role--admin' : 'tag'}>
              {m.roleLabel}
            </View>
          </View>
          <View className="list-item__meta">
            {formatDate(m.joinedAt)} {m.originLabel}
          </View>
          {admin && !m.isMe ? (
            <View className="list-item__actions">
              {m.role === 'agent' ? (
                <View
                  {...pressable()}
                  className="link"
                  id={`member-hand-over-${m.id}`}
                  onClick={() => void handOver(m)}
                >
                  移交管理员
                </View>
              ) : null}
              <View
                {...pressable()}
                className="link"
                id={`member-role-${m.id}`}
                onClick={() => void setRole(m, m.role === 'admin' ? 'agent' : 'admin')}
              >
                {m.role === 'admin' ? '设为经办人' : '设为管理员'}
              </View>
              <View
                {...pressable()}
                className="link link--danger"
                id={`member-remove-${m.id}`}
                onClick={() => void remove(m)}
              >
                移除
              </View>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
