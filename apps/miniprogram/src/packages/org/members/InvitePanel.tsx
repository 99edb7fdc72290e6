import { Button, Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { INVITE_TTL_HOURS } from '@kc/domain';
import { useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import { Segmented } from '../../../components/Segmented';
import { env } from '../../../env';
import { formatDateTime } from '../../../format';
import { leaveIfLoggedOut, toast } from '../../../services/nav';
import { withSession } from '../../../services/session';
import type { CreatedInvite, OpenInvite } from './data';
import { confirmThen, spacedCode, svgDataUri } from './data';
import { pressable } from '../../../components/a11y';

const ROLE_OPTIONS = [
  { value: 'agent' as const, label: '经办人', id: 'invite-role-agent' },
  { value: 'admin' as const, label: '管理员', id: 'invite-role-admin' },
];

const ROLE_HINTS = {
  agent: '经办人可以起草和提交申报、发布科技副总需求',
  admin: '管理员还可以管理成员、收款账户和认证资料',
};

/**
 * 邀请成员 (administrators): a code for the chosen role, shown once, large, with its QR and
 * expiry, to read out, copy or (in WeChat) send as a card. Codes not yet used can be revoked.
 */
export function InvitePanel(props: {
  invites: readonly OpenInvite[];
  created: CreatedInvite | null;
  onCreated: (invite: CreatedInvite) => void;
  onChanged: () => void;
}) {
  const [role, setRole] = useState<'agent' | 'admin'>('agent');
  const [busy, setBusy] = useState(false);

  const create = async () => {
    if (busy) return;
    setBusy(true);
    try {
      props.onCreated(await withSession(() => api.myOrg.members.invite.mutate({ role })));
      props.onChanged();
    } catch (error) {
      if (!leaveIfLoggedOut(error)) void toast(describeError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const revoke = (invite: OpenInvite) =>
    confirmThen({
      title: '撤销邀请码',
      content: `撤销后，这个${invite.roleLabel}邀请码将不能再使用。确定撤销吗？`,
      confirmText: '撤销',
      run: () => api.myOrg.members.revokeInvite.mutate({ inviteId: invite.id }),
      done: '已撤销',
      onDone: props.onChanged,
    });

  return (
    <View className="card" id="members-invite">
      <View className="card__title">邀请成员</View>
      <Segmented options={ROLE_OPTIONS} value={role} onChange={setRole} />
      <View className="muted members__hint">{ROLE_HINTS[role]}</View>
      <Button
        id="invite-create"
        className="btn btn--primary"
        loading={busy}
        disabled={busy || undefined}
        onClick={() => void create()}
      >
        生成{role === 'admin' ? '管理员' : '经办人'}邀请码
      </Button>
      {props.created ? <InviteCard invite={props.created} /> : null}
      {props.invites.length > 0 ? (
        <View id="invites-open">
          <View className="section-title">未使用的邀请码</View>
          {props.invites.map((i) => (
            <View key={i.id} className="list-item" id={`invite-${i.id}`}>
              <View className="list-item__main">
                <View className="list-item__title">{i.roleLabel}邀请码</View>
                <View className="list-item__meta">
                  {i.createdByName}生成 · 有效期至{formatDateTime(i.expiresAt)}
                </View>
              </View>
              <View
                {...pressable()}
                className="link link--danger"
                id={`invite-revoke-${i.id}`}
                onClick={() => void revoke(i)}
              >
                撤销
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** The code just made: the only time it can be seen (only its fingerprint is stored). */
function InviteCard({ invite }: { invite: CreatedInvite }) {
  const copy = () =>
    void Taro.setClipboardData({ data: invite.code }).catch(() =>
      toast('复制失败，请手动抄写邀请码'),
    );
  return (
    <View className="invite-card" id="invite-created">
      <View className="muted">{invite.roleLabel}邀请码</View>
      <View className="invite-card__code" id="invite-code">
        {spacedCode(invite.code)}
      </View>
      <Image
        id="invite-qr"
        className="invite-card__qr"
        src={svgDataUri(invite.qrSvg)}
        mode="scaleToFill"
      />
      <View className="invite-card__expiry" id="invite-expiry">
        有效期至{formatDateTime(invite.expiresAt)}（{INVITE_TTL_HOURS}小时内有效，只能使用一次）
      </View>
      <View className="muted invite-card__how">
        请同事在“宿州科创”小程序登录后，选择“使用邀请码加入单位”，输入或扫描此码。离开本页后邀请码不再显示。
      </View>
      <View className="invite-card__actions">
        <Button id="invite-copy" className="btn btn--ghost btn--small" onClick={copy}>
          复制邀请码
        </Button>
        {env.platform === 'weapp' ? (
          <Button id="invite-share" className="btn btn--ghost btn--small" openType="share">
            发给同事
          </Button>
        ) : null}
      </View>
    </View>
  );
}
