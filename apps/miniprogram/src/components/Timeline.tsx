import { View } from '@tarojs/components';

export interface TimelineEntry {
  key: string;
  title: string;
  time: string;
  /** An officer's comment or the applicant's reason: shown in full, it is what to act on. */
  comment?: string | null;
  /** `ahead`: a step not reached yet, greyed. */
  tone?: 'normal' | 'warning' | 'danger' | 'success' | 'ahead';
}

/** Newest first, the way people read a history of what happened to their application. */
export function Timeline({ entries, id }: { entries: readonly TimelineEntry[]; id?: string }) {
  // The latest thing that happened, below any steps still ahead.
  const latest = entries.findIndex((e) => e.tone !== 'ahead');
  return (
    <View className="timeline" id={id}>
      {entries.map((e, i) => (
        <View
          key={e.key}
          className={`timeline__item timeline__item--${e.tone ?? 'normal'}${i === latest ? ' timeline__item--latest' : ''}`}
        >
          <View className="timeline__dot" />
          <View className="timeline__body">
            <View className="timeline__title">{e.title}</View>
            <View className="timeline__time">{e.time}</View>
            {e.comment ? <View className="timeline__comment">{e.comment}</View> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
