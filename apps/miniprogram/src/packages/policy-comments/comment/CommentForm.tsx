import { Button, Text, View } from '@tarojs/components';
import { PERSONAL_DATA_IN_COMMENT } from '@kc/domain';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../../api/client';
import { pressable } from '../../../components/a11y';
import { FormRefusal, SubmitBar } from '../../../components/FormFooter';
import { TextField } from '../../../components/TextField';
import { useCheckedForm } from '../../../hooks/useCheckedForm';
import { back, replace, routes, toastDone } from '../../../services/nav';
import { withSession } from '../../../services/session';
import {
  COMMENT_PATHS,
  type CommentDraft,
  type ConsultationClause,
  type PublicConsultation,
  type Speaker,
  checkComment,
  commentFieldId,
  commentServerErrors,
} from '../data';

export interface CommentFormProps {
  consultation: Pick<PublicConsultation, 'id' | 'title' | 'limits'>;
  clause: ConsultationClause;
  /** The caller's organisation, when they belong to one: they may speak for it. */
  speaker: Speaker | null;
  /** The server said the consultation changed (closed, gone): the page loads it again. */
  onStale: () => void;
}

/**
 * A comment on one clause: the clause quoted, the words (checked as typed with the domain's
 * `commentSchemaFor` — length, and no phone number, ID number or e-mail address, since it will be
 * public — the schema `consultations.comment` takes), and for a member of an organisation whether
 * it is said in the unit's name. Sent after a confirmation: a comment cannot be changed or taken
 * back. The API's refusals land under their fields, or above the button.
 */
export function CommentForm({ consultation: c, clause, speaker, onStale }: CommentFormProps) {
  const [draft, setDraft] = useState<CommentDraft>({ body: '', asOrganisation: false });
  const [sent, setSent] = useState(false);
  const form = useCheckedForm(checkComment(clause.id, draft), {
    order: COMMENT_PATHS,
    fieldId: commentFieldId,
    topId: 'comment-page',
    serverErrors: commentServerErrors,
    onStale,
  });
  const { errorOf, blur } = form;
  const asUnit = speaker !== null && draft.asOrganisation;
  const shownAs = asUnit ? speaker.organisationName : '公众';

  const change = (path: string, next: CommentDraft) => {
    setDraft(next);
    form.edited(path);
  };

  const submit = async () => {
    const checked = form.attempt();
    if (!checked) return;
    const { confirm } = await Taro.showModal({
      title: '提交意见',
      content: `意见将以“${shownAs}”的名义公开展示，提交后不能修改或撤回。确定提交吗？`,
      confirmText: '提交',
    });
    if (!confirm) return;
    await form.send(async () => {
      await withSession(() =>
        api.consultations.comment.mutate({ consultationId: c.id, comment: checked.comment }),
      );
      void toastDone('意见已提交');
      setSent(true);
    });
  };

  if (sent)
    return (
      <View className="card" id="comment-done">
        <View className="notice notice--success" role="status">
          意见已提交，将以“{shownAs}
          ”的名义公开。征求意见结束后，市科技局将研究处理每一条意见并公布采纳情况，届时会通过消息通知您。
        </View>
        <Button
          id="comment-done-mine"
          className="btn btn--primary"
          onClick={() => void replace(routes.myComments, { id: c.id })}
        >
          查看我的意见
        </Button>
        <Button id="comment-done-back" className="btn btn--ghost" onClick={() => void back()}>
          继续阅读征求意见稿
        </Button>
      </View>
    );

  const clauseError = errorOf('clauseId');
  const orgError = errorOf('asOrganisation');
  return (
    <View>
      <View className="card consultation-quote" id="comment-clause">
        <View className="record__overline">{c.title}</View>
        <View className="consultation-clause__title" id="comment-clause-title">
          {clause.title}
        </View>
        {clause.paragraphs.map((p, i) => (
          <Text key={i} className="consultation-clause__para">
            {p}
          </Text>
        ))}
        {clauseError ? (
          <View className="form-row__error" id="comment-clause-error" role="alert">
            {clauseError}
          </View>
        ) : null}
      </View>

      <View className="notice notice--warning" id="comment-privacy">
        {PERSONAL_DATA_IN_COMMENT}。意见公开时显示为“公众”或您所在单位的名称，不显示您的姓名。
      </View>

      <View className="card">
        <TextField
          id="comment-body"
          label="意见内容"
          required
          multiline
          maxlength={c.limits.maxChars}
          value={draft.body}
          placeholder="请写明对本条的修改建议及理由"
          hint={`${c.limits.minChars}至${c.limits.maxChars}个字`}
          error={errorOf('body')}
          onChange={(body) => change('body', { ...draft, body })}
          onBlur={() => blur('body')}
        />
        {speaker ? (
          <View className={orgError ? 'form-row form-row--error' : 'form-row'}>
            <View
              {...pressable('switch')}
              id="comment-as-org"
              className="consultation-switch"
              aria-checked={asUnit ? 'true' : 'false'}
              aria-disabled={speaker.verified ? undefined : 'true'}
              aria-labelledby="comment-as-org-label"
              aria-describedby={
                orgError
                  ? 'comment-as-org-error'
                  : speaker.verified
                    ? undefined
                    : 'comment-as-org-hint'
              }
              onClick={() => {
                if (!speaker.verified) return;
                change('asOrganisation', { ...draft, asOrganisation: !draft.asOrganisation });
              }}
            >
              <View className="consultation-switch__main">
                <View id="comment-as-org-label">以单位名义提出</View>
                <View className="muted consultation-switch__text" id="comment-as-org-text">
                  {asUnit
                    ? `将以“${speaker.organisationName}”的名义公开`
                    : '将以“公众”名义公开，不显示您的姓名'}
                </View>
              </View>
              <View className={asUnit ? 'switch switch--on' : 'switch'} />
            </View>
            {!speaker.verified && !orgError ? (
              <View className="form-row__hint" id="comment-as-org-hint">
                本单位通过机构认证后，才能以单位名义提出意见
              </View>
            ) : null}
            {orgError ? (
              <View className="form-row__error" id="comment-as-org-error" role="alert">
                {orgError}
              </View>
            ) : null}
          </View>
        ) : (
          <View className="muted consultation__as" id="comment-as-public">
            将以“公众”名义公开，不显示您的姓名
          </View>
        )}
      </View>

      <FormRefusal id="comment-form-error" message={form.refusal} />
      <SubmitBar id="comment-submit" label="提交意见" busy={form.busy} onSubmit={submit} />
    </View>
  );
}
