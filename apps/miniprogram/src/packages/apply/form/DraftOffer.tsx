import { Button, View } from '@tarojs/components';
import { formatDateTime } from '../../../format';
import { usePageClass } from '../../../services/text-size';

/**
 * Opening a programme that has an unsent draft: continue it, or start a new application (the
 * draft stays under 我的申请).
 */
export function DraftOffer({
  ruleName,
  savedAt,
  onContinue,
  onStartAnew,
}: {
  ruleName: string;
  savedAt: Date | string;
  onContinue: () => void;
  onStartAnew: () => void;
}) {
  const pageClass = usePageClass();
  return (
    <View className={pageClass} id="apply-draft-offer">
      <View className="card">
        <View className="card__title">有一份尚未提交的草稿</View>
        <View className="guide-head__name">{ruleName}</View>
        <View className="muted" id="apply-draft-offer-saved">
          最后保存于 {formatDateTime(savedAt)}
        </View>
        <View className="muted">
          可以接着填写这份草稿，也可以重新填写一份新的申请（草稿仍保留在“我的申请”中）。
        </View>
      </View>
      <View className="footer-bar footer-bar--split">
        <Button id="apply-draft-offer-new" className="btn btn--ghost" onClick={onStartAnew}>
          重新填写
        </Button>
        <Button id="apply-draft-offer-continue" className="btn btn--primary" onClick={onContinue}>
          继续填写草稿
        </Button>
      </View>
    </View>
  );
}
