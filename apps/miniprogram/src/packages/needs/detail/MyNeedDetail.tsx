import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import { pressable } from '../../../components/a11y';
import { KeyValue } from '../../../components/KeyValue';
import { ReturnedNotice } from '../../../components/ReviewForm';
import { StatusTag } from '../../../components/StatusTag';
import { formatDate, formatDateTime } from '../../../format';
import { open, routes } from '../../../services/nav';
import {
  type MyNeed,
  NEXT_STEPS,
  type VpCall,
  canEditNeed,
  canTurnIntoVpNeed,
  detailRows,
  vpConversion,
} from '../data';

/**
 * The poster's view of one of its organisation's needs: where it stands (the officer's comment
 * when returned, what happens next while 待审核, 修改 for both), what it says, who responded
 * (揭榜: the researcher with the institution, or the firm, the message and when), and — for a
 * published 技术攻关需求 — turning it into a 科技副总 need of a call collecting needs.
 */
export function MyNeedDetail({ need, calls }: { need: MyNeed; calls: readonly VpCall[] }) {
  return (
    <View>
      <View className="card record-head">
        <View className="record__overline">
          {need.kindName} · {need.number}
        </View>
        <View className="record-head__title" id="need-title">
          {need.title}
        </View>
        <View className="record-head__row">
          <View className="muted">
            {need.fieldName}
            {need.publishedAt ? ` · ${formatDate(need.publishedAt)} 发布` : ''}
          </View>
          <StatusTag status={need.status} label={need.statusName} id="need-status" />
        </View>
        {need.status === 'returned' ? (
          <ReturnedNotice id="need-returned" comment={need.returnComment} />
        ) : null}
        {need.status === 'submitted' ? (
          <View className="notice" id="need-next">
            {NEXT_STEPS}
          </View>
        ) : null}
        {canEditNeed(need) ? (
          <Button
            id="need-edit"
            className={`btn btn--small ${need.status === 'returned' ? 'btn--primary' : 'btn--ghost'}`}
            onClick={() => void open(routes.needPost, { id: need.id })}
          >
            {need.status === 'returned' ? '按意见修改并重新提交' : '修改需求'}
          </Button>
        ) : null}
      </View>

      {canTurnIntoVpNeed(need) ? <TurnIntoVpNeed need={need} calls={calls} /> : null}

      <View className="card" id="need-content">
        <View className="card__title">需求内容</View>
        {detailRows(need).map((row) => (
          <KeyValue key={row.name} label={row.label} id={`need-${row.name}`}>
            {row.value}
          </KeyValue>
        ))}
      </View>

      <View className="card" id="need-responses">
        <View className="card__title">
          揭榜情况{need.responses.length > 0 ? `（${need.responses.length}）` : ''}
        </View>
        {need.responses.length > 0 ? (
          <View className="muted need__hint">揭榜方及其说明仅本单位和科技部门可见</View>
        ) : null}
        {need.responses.length === 0 ? (
          <View className="muted" id="need-responses-empty">
            {need.status === 'published' ? '暂无揭榜' : '需求发布后，揭榜方的说明将显示在这里'}
          </View>
        ) : null}
        {need.responses.map((r) => (
          <View key={r.id} className="list-item list-item--column" id={`need-response-${r.id}`}>
            <View className="list-item__row">
              <View className="list-item__title" id={`need-response-${r.id}-who`}>
                {r.who}
              </View>
              <View className="list-item__meta">{formatDateTime(r.createdAt)}</View>
            </View>
            <View className="need__text" id={`need-response-${r.id}-message`}>
              {r.message}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

/**
 * 转为科技副总需求: the calls collecting needs, each opening the 科技副总 need form filled from
 * this need; the calls it already went into say so and are not offered again.
 */
export function TurnIntoVpNeed({ need, calls }: { need: MyNeed; calls: readonly VpCall[] }) {
  const [choosing, setChoosing] = useState(false);
  const { done, offered, none } = vpConversion(need, calls);
  return (
    <View className="card" id="need-vp">
      <View className="card__title">科技副总</View>
      <View className="muted need__hint">
        可将本需求转为科技副总需求，由科技局在选派批次中为企业匹配科研人员
      </View>
      {done.map((d) => (
        <View key={d.callId} className="need__done" id={`need-vp-done-${d.callId}`}>
          {d.text}
        </View>
      ))}
      <Button
        id="need-vp-convert"
        className="btn btn--primary btn--small"
        aria-expanded={choosing ? 'true' : 'false'}
        onClick={() => setChoosing(!choosing)}
      >
        转为科技副总需求
      </Button>
      {choosing && none ? (
        <View className="notice" id="need-vp-none">
          {none}
        </View>
      ) : null}
      {choosing && offered.length > 0 ? (
        <View id="need-vp-calls">
          <View className="need__hint muted">请选择批次：</View>
          {offered.map((c) => (
            <View
              key={c.id}
              {...pressable('link')}
              className="list-item"
              id={`need-vp-call-${c.id}`}
              onClick={() => void open(routes.vpNeed, { callId: c.id, fromNeedId: need.id })}
            >
              <View className="list-item__main">
                <View className="list-item__title">{c.title}</View>
                <View className="list-item__meta">需求征集截止 {c.needsDeadline}</View>
              </View>
              <View className="menu__arrow" aria-hidden="true">
                ›
              </View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
