import { Button, Text, View } from '@tarojs/components';
import { clauseNumber, todayInShanghai } from '@kc/domain';
import { useState } from 'react';
import { describeError } from '../../../api/errors';
import { KeyValue } from '../../../components/KeyValue';
import { StatusTag } from '../../../components/StatusTag';
import { formatDate } from '../../../format';
import { leaveIfLoggedOut, open, routes, toast } from '../../../services/nav';
import { ensureSession } from '../../../services/session';
import {
  type ConsultationClause,
  type PublicConsultation,
  clauseKey,
  daysText,
  howToComment,
  outcomeTone,
  periodText,
  stageTag,
} from '../data';

/**
 * A consultation as anyone reads it, signed in or not: where it stands, the period and whom to
 * ask, then the draft clause by clause — the parts as headings, each clause with words of its own
 * with its text, how many comments it has and, while the period runs, 提意见 — and once the bureau
 * publishes them, its summary and every comment with its answer under its clause. 提意见 and
 * 我的意见 ask for a login first.
 */
export function ConsultationView({ consultation: c }: { consultation: PublicConsultation }) {
  const [busy, setBusy] = useState(false);
  const taking = c.stage === 'open' && !c.feedbackPublished;
  const tag = stageTag(c);
  const days = daysText(c, todayInShanghai(new Date()));

  // Commenting and one's own comments are under one's own name: log in first (silently if agreed before).
  const signedIn = async (go: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    try {
      await ensureSession();
      await go();
    } catch (error) {
      if (leaveIfLoggedOut(error)) return;
      void toast(describeError(error).message);
    } finally {
      setBusy(false);
    }
  };
  const comment = (clause: ConsultationClause) =>
    void signedIn(() =>
      open(routes.consultationComment, { id: c.id, clause: clauseKey(clause.id) }),
    );

  return (
    <View>
      <View className="card record-head">
        <View className="record__overline">{c.number}</View>
        <View className="record__head">
          <View className="record-head__title" id="consultation-title">
            {c.title}
          </View>
          <StatusTag status={tag.status} label={tag.label} id="consultation-stage" />
        </View>
        {days ? (
          <View className="consultation__days" id="consultation-days">
            {days}
          </View>
        ) : null}
        <KeyValue label="征求意见稿" id="consultation-text-title">
          {c.text.title}（{c.text.status}）
        </KeyValue>
        <KeyValue label="征求意见时间" id="consultation-period">
          {periodText(c)}
        </KeyValue>
        {c.shortReason ? (
          <KeyValue label="期限说明" id="consultation-short-reason">
            {c.shortReason}
          </KeyValue>
        ) : null}
        <KeyValue label="联系部门" id="consultation-contact-department">
          {c.contact.department}
        </KeyValue>
        <KeyValue label="联系电话" id="consultation-contact-phone">
          {c.contact.phone}
        </KeyValue>
        {c.contact.email ? (
          <KeyValue label="电子邮箱" id="consultation-contact-email">
            {c.contact.email}
          </KeyValue>
        ) : null}
        <KeyValue label="已收到意见" id="consultation-total">
          {c.total} 条
        </KeyValue>
      </View>

      {c.note ? (
        <View className="card">
          <View className="card__title">说明</View>
          <Text className="consultation__text" id="consultation-note">
            {c.note}
          </Text>
        </View>
      ) : null}

      <View className={taking ? 'notice notice--success' : 'notice'} id="consultation-how">
        {howToComment(c)}
      </View>
      <Button
        id="consultation-mine"
        className="btn btn--ghost consultation__mine"
        disabled={busy || undefined}
        onClick={() => void signedIn(() => open(routes.myComments, { id: c.id }))}
      >
        我的意见
      </Button>

      {c.feedbackPublished ? (
        <View className="card card--highlight" id="consultation-feedback">
          <View className="card__title">意见采纳情况</View>
          <Text className="consultation__text" id="consultation-feedback-summary">
            {c.feedbackSummary ?? ''}
          </Text>
          <View className="muted consultation__published">
            {formatDate(c.feedbackPublishedAt)} 发布。每条意见的处理结果见各条款下方。
          </View>
        </View>
      ) : null}

      <View className="card" id="consultation-text">
        <View className="card__title">
          {c.text.title}（{c.text.status}）
        </View>
        <Text className="consultation__text" id="consultation-preamble">
          {c.text.preamble}
        </Text>
      </View>

      {c.clauses.map((clause) => (
        <ClauseBlock
          key={clause.id}
          clause={clause}
          taking={taking}
          published={c.feedbackPublished}
          busy={busy}
          onComment={() => comment(clause)}
        />
      ))}
    </View>
  );
}

function ClauseBlock(props: {
  clause: ConsultationClause;
  taking: boolean;
  published: boolean;
  busy: boolean;
  onComment: () => void;
}) {
  const { clause } = props;
  const key = clauseKey(clause.id);
  const part = clause.level === 'section';
  // A part (一、) is a heading over its clauses; so is a section (（一）) with no words of its own.
  const heading = part || !clause.commentable;
  return (
    <View>
      {heading ? (
        <View
          className={part ? 'consultation-part' : 'consultation-part consultation-part--sub'}
          id={`clause-${key}-heading`}
          role="heading"
          aria-level={part ? 2 : 3}
        >
          {clauseNumber(clause)}
          {clause.heading}
        </View>
      ) : null}
      {clause.commentable ? (
        <View className="card consultation-clause" id={`clause-${key}`}>
          {part ? null : (
            <View className="consultation-clause__title" id={`clause-${key}-title`}>
              {clause.title}
            </View>
          )}
          {clause.paragraphs.map((p, i) => (
            <Text key={i} className="consultation-clause__para">
              {p}
            </Text>
          ))}
          <View className="consultation-clause__foot">
            <View className="muted" id={`clause-${key}-count`}>
              已收到意见 {clause.comments} 条
            </View>
            {props.taking ? (
              <Button
                id={`clause-${key}-comment`}
                className="btn btn--primary btn--small btn--inline"
                aria-label={`对${clause.title}提意见`}
                disabled={props.busy || undefined}
                onClick={props.onComment}
              >
                提意见
              </Button>
            ) : null}
          </View>
          {props.published && clause.feedback.length > 0 ? (
            <Feedback clauseKey={key} feedback={clause.feedback} />
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

/** The comments on one clause with the bureau's answers, authors as 公众 or their unit. */
function Feedback(props: { clauseKey: string; feedback: ConsultationClause['feedback'] }) {
  const base = `clause-${props.clauseKey}-feedback`;
  return (
    <View className="consultation-feedback" id={base}>
      <View className="consultation-feedback__title">意见及处理结果</View>
      {props.feedback.map((f, i) => (
        <View key={f.id} className="consultation-feedback__item" id={`${base}-${i}`}>
          <View className="record__head">
            <View className="consultation-feedback__author" id={`${base}-${i}-author`}>
              {f.author} · {formatDate(f.createdAt)}
            </View>
            <StatusTag
              status={outcomeTone(f.outcome)}
              label={f.outcomeName}
              id={`${base}-${i}-outcome`}
            />
          </View>
          <Text className="consultation-feedback__body" id={`${base}-${i}-body`}>
            {f.body}
          </Text>
          {f.reason ? (
            <View className="consultation-feedback__reason" id={`${base}-${i}-reason`}>
              理由：{f.reason}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
