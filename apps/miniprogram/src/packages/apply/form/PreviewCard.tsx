import { View } from '@tarojs/components';
import { formatYuan } from '@kc/domain';
import { useState } from 'react';
import type { Preview } from './usePreview';
import { pressable } from '../../../components/a11y';

/**
 * 资格与金额测算: what the policy engine says about the application as it stands, with the
 * reasons when it would be refused (the same a submission gives, also under their fields) and the
 * calculation when it would be paid.
 */
export function PreviewCard({
  preview,
  reasons,
  incomplete,
}: {
  preview: Preview;
  /** What is wrong with what was typed (preview-reasons.ts): the reasons a submission would give. */
  reasons: readonly { code: string; message: string }[];
  /** Fields still blank. */
  incomplete: boolean;
}) {
  const [open, setOpen] = useState(false);
  const r = preview.result;
  return (
    <View className="card preview" id="apply-preview">
      <View className="card__title">
        资格与金额测算
        {preview.loading ? <View className="preview__busy">测算中…</View> : null}
      </View>
      {preview.error && !r ? <View className="muted">{preview.error}</View> : null}
      {r?.eligible ? (
        <View className="preview__verdict preview__verdict--ok" id="apply-preview-verdict">
          符合条件，预计可获奖补
          <View className="preview__amount" id="apply-preview-amount">
            {formatYuan(r.amountFen)}
          </View>
        </View>
      ) : null}
      {r && !r.eligible ? (
        <View className="preview__verdict preview__verdict--no" id="apply-preview-verdict">
          {reasons.length > 0
            ? '暂不符合申报条件'
            : incomplete
              ? '请完善申请内容'
              : '材料齐全后即可提交'}
          {r.computedAmountFen > 0n && reasons.length === 0 ? (
            <View className="preview__sub">
              按所填内容测算金额 <View className="money">{formatYuan(r.computedAmountFen)}</View>
            </View>
          ) : null}
        </View>
      ) : null}
      {reasons.length > 0 ? (
        <View className="preview__reasons" id="apply-preview-reasons">
          {reasons.map((x) => (
            <View key={`${x.code}-${x.message}`} className="preview__reason">
              {x.message}
            </View>
          ))}
        </View>
      ) : null}
      {r && r.missingEvidence.length > 0 ? (
        <View className="preview__missing" id="apply-preview-missing">
          还需上传：{r.missingEvidence.map((e) => e.name).join('、')}
        </View>
      ) : null}
      {r ? (
        <View>
          <View
            {...pressable()}
            className="link preview__toggle"
            id="apply-preview-toggle"
            onClick={() => setOpen(!open)}
          >
            {open ? '收起计算依据' : '查看计算依据'}
          </View>
          {open ? (
            <View className="preview__explain" id="apply-preview-explain">
              <View>{r.explanation.summary}</View>
              {r.explanation.formula ? <View>计算：{r.explanation.formula}</View> : null}
              {r.explanation.steps.map((s) => (
                <View key={s}>· {s}</View>
              ))}
              {r.explanation.capsApplied.map((s) => (
                <View key={s}>· {s}</View>
              ))}
              {r.explanation.quota ? <View>· {r.explanation.quota}</View> : null}
              <View className="muted">
                {r.explanation.policyTitle}（版本 {r.explanation.version}）
              </View>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
