import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** What a page shows while its first load runs. */
export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state state--loading" id="state-loading">
      <View className="state__spinner" />
      <View className="state__text">{text}</View>
    </View>
  );
}

/** A failed load: the reason, in Chinese, and a way to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="state" id="state-error">
      <View className="state__icon">!</View>
      <View className="state__text">{message}</View>
      <Button id="state-retry" className="btn btn--ghost btn--small" onClick={onRetry}>
        重新加载
      </Button>
    </View>
  );
}

/** Nothing here yet: say so, and what to do next. */
export function EmptyState(props: {
  id?: string;
  title: string;
  hint?: string;
  action?: ReactNode;
}) {
  return (
    <View className="state state--empty" id={props.id ?? 'state-empty'}>
      <View className="state__icon state__icon--empty">○</View>
      <View className="state__title">{props.title}</View>
      {props.hint ? <View className="state__text">{props.hint}</View> : null}
      {props.action}
    </View>
  );
}
