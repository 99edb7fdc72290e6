import { Text, View } from '@tarojs/components';
import type { EvidenceChoice, EvidenceItem } from './evidence-items';
import { pressable } from './a11y';

/**
 * The part of an evidence row about the 资料库 and the registered account: the reference in use
 * (with the way to upload instead), the offer to use it (after choosing to upload), or why the
 * document must be uploaded this time (none in the library yet, expired on …).
 */
export function EvidenceReference(props: {
  kind: string;
  choice: EvidenceChoice | undefined;
  referenced: EvidenceItem | undefined;
  disabled?: boolean | undefined;
  onUse: (use: boolean) => void;
}) {
  const { kind, choice, referenced, disabled } = props;
  if (referenced) {
    return (
      <View className="evidence__file evidence__file--reference" id={`evidence-${kind}-reference`}>
        <Text className="evidence__file-name">✓ {referenced.name}</Text>
        {!disabled ? (
          <Text
            {...pressable()}
            className="link"
            id={`evidence-${kind}-upload-instead`}
            onClick={() => props.onUse(false)}
          >
            改为上传
          </Text>
        ) : null}
      </View>
    );
  }
  if (choice?.offer) {
    return disabled ? null : (
      <View className="form-row__hint">
        <Text
          {...pressable()}
          className="link"
          id={`evidence-${kind}-use-reference`}
          onClick={() => props.onUse(true)}
        >
          {choice.offer.label}
        </Text>
      </View>
    );
  }
  if (choice?.uploadReason) {
    return (
      <View className="form-row__hint" id={`evidence-${kind}-reason`}>
        {choice.uploadReason}
      </View>
    );
  }
  return null;
}
