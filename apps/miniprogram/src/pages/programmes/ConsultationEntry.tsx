import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { api } from '../../api/client';
import { pressable } from '../../components/a11y';
import { open, routes } from '../../services/nav';

type Consultation = Awaited<ReturnType<typeof api.consultations.published.query>>[number];

/** The consultation taking comments that closes first, if any. */
export function openConsultation(list: readonly Consultation[]): Consultation | null {
  const taking = list.filter((c) => c.stage === 'open' && !c.feedbackPublished);
  taking.sort((a, b) => a.closesOn.localeCompare(b.closesOn));
  return taking[0] ?? null;
}

/** `2026-12-30` → `12月30日` */
function monthDay(iso: string): string {
  const [, m, d] = iso.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/**
 * 政策征求意见 on the 政策 tab: a notice while a draft takes comments (it opens that one), and the
 * way to every consultation and its 意见采纳情况. The list is public: read without a session,
 * quietly nothing when it cannot be read.
 */
export function ConsultationEntry() {
  const [current, setCurrent] = useState<Consultation | null>(null);
  useDidShow(() => {
    api.consultations.published
      .query()
      .then((list) => setCurrent(openConsultation(list)))
      .catch(() => setCurrent(null));
  });
  return (
    <View>
      {current ? (
        <View
          {...pressable('link')}
          className="notice notice--success consultation-banner"
          id="programmes-consultation-open"
          onClick={() => void open(routes.consultation, { id: current.id })}
        >
          政策征求意见：{current.title}，征求意见中，截止{monthDay(current.closesOn)} ›
        </View>
      ) : null}
      <View
        {...pressable('link')}
        className="card calls-entry"
        id="programmes-consultations"
        onClick={() => void open(routes.consultations)}
      >
        <View className="calls-entry__main">
          <View className="calls-entry__title">政策征求意见</View>
          <View className="calls-entry__text">政策文件草案逐条公开征求意见，查看意见采纳情况</View>
        </View>
        <View className="menu__arrow" aria-hidden="true">
          ›
        </View>
      </View>
    </View>
  );
}
