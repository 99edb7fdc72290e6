import { View } from '@tarojs/components';
import { pressable } from '../../components/a11y';
import { useExpertStatusOnMount } from '../../hooks/useExpertStatus';
import { open, routes } from '../../services/nav';

/**
 * An expert of the 专家库 need not register a firm or a researcher profile to review: experts
 * from outside the city are invited too. Before registering, their review tasks are one tap away.
 */
export function ExpertEntry() {
  const expert = useExpertStatusOnMount();
  if (!expert.active) return null;
  return (
    <View
      {...pressable('link')}
      className="register__join register__expert"
      id="register-reviews"
      onClick={() => void open(routes.reviews)}
    >
      <View>您是评审专家库专家</View>
      <View className="link" id="register-reviews-hint">
        {expert.pendingReviews > 0 ? `评审任务（${expert.pendingReviews}项待确认）›` : '评审任务 ›'}
      </View>
    </View>
  );
}
