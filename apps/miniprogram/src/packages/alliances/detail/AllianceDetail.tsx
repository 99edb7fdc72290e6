import { Button, Text, View } from '@tarojs/components';
import { KeyValue } from '../../../components/KeyValue';
import { StatusTag } from '../../../components/StatusTag';
import { formatDate, formatDateTime } from '../../../format';
import { open, routes } from '../../../services/nav';
import { type MyAlliance, NEXT_STEPS, canEditAlliance, commentLabel } from '../data';

/**
 * The lead firm's view of one of its alliances: where it stands (the officer's comment when
 * returned, the reason when dissolved, what happens next while 待审核; 修改 for the
 * administrator while it may still change), what it registered, and the charter on file.
 */
export function AllianceDetail({ alliance: a, admin }: { alliance: MyAlliance; admin: boolean }) {
  const editable = canEditAlliance(a);
  return (
    <View>
      <View className="card record-head">
        <View className="record__overline">{a.number}</View>
        <View className="record-head__title" id="alliance-title">
          {a.name}
        </View>
        <View className="record-head__row">
          <View className="muted">
            {a.fieldName}
            {a.approvedAt ? ` · ${formatDate(a.approvedAt)} 通过` : ''}
          </View>
          <StatusTag status={a.status} label={a.statusName} id="alliance-status" />
        </View>
        {a.comment ? (
          <View
            className={a.status === 'returned' ? 'notice notice--warning' : 'notice'}
            id="alliance-comment"
            role={a.status === 'returned' ? 'alert' : undefined}
          >
            {commentLabel(a.status)}：{a.comment}
          </View>
        ) : null}
        {a.status === 'submitted' ? (
          <View className="notice" id="alliance-next">
            {NEXT_STEPS}
          </View>
        ) : null}
        {a.status === 'approved' ? (
          <View className="notice notice--success" id="alliance-public">
            已在“创新联盟”公开展示。如成员单位或章程有变化，请联系所在区县科技局。
          </View>
        ) : null}
        {editable && admin ? (
          <Button
            id="alliance-edit"
            className={`btn btn--small ${a.status === 'returned' ? 'btn--primary' : 'btn--ghost'}`}
            onClick={() => void open(routes.allianceForm, { id: a.id })}
          >
            {a.status === 'returned' ? '按意见修改并重新提交' : '修改登记'}
          </Button>
        ) : null}
      </View>

      <View className="card" id="alliance-content">
        <View className="card__title">联盟情况</View>
        <KeyValue label="牵头单位" id="alliance-lead">
          {a.leadOrganisationName}
        </KeyValue>
        <KeyValue label="未来产业方向">{a.fieldName}</KeyValue>
        <KeyValue label="联盟宗旨与主要任务" id="alliance-purpose">
          <Text className="alliance__text">{a.purpose}</Text>
        </KeyValue>
        <KeyValue label="联盟章程" id="alliance-charter">
          {a.charter ? a.charter.originalName : '文件已不可用，请修改登记重新上传'}
        </KeyValue>
        <KeyValue label="登记时间">{formatDateTime(a.createdAt)}</KeyValue>
      </View>

      <View className="card" id="alliance-members">
        <View className="card__title">成员单位（{a.members.length}）</View>
        {a.members.map((m, i) => (
          <View key={`${m.name}-${i}`} className="alliance-member" id={`alliance-member-${i}`}>
            <View className="alliance-member__main">
              <Text className="alliance-member__name">{m.name}</Text>
              <Text className="muted alliance-member__type">
                {m.unitTypeName}
                {m.organisationId ? ' · 平台认证单位' : ''}
              </Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
