import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import { goHome } from '../services/nav';

/** What a page shows while its first load runs. */
export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state state--loading" id="state-loading" role="status">
      <View className="state__spinner" aria-hidden="true" />
      <View className="state__text">{text}</View>
    </View>
  );
}

/** A failed load: what happened, in Chinese, a way to try again and a way out. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  // A page opened directly (shared link, reload) has nothing to go back to: offer home instead.
  const canGoBack = Taro.getCurrentPages().length > 1;
  return (
    <View className="state" id="state-error" role="alert">
      <View className="state__icon" aria-hidden="true">
        !
      </View>
      <View className="state__title">加载失败</View>
      <View className="state__text">{message}</View>
      <Button id="state-retry" className="btn btn--ghost btn--small" onClick={onRetry}>
        重新加载
      </Button>
      <Button
        id="state-back"
        className="btn btn--small"
        onClick={() => void (canGoBack ? Taro.navigateBack() : goHome())}
      >
        {canGoBack ? '返回' : '回到首页'}
      </Button>
    </View>
  );
}

/**
 * A whole page while its data is not there (`useLoader`'s state before 'ready'): loading, or the
 * failure with 重新加载. The page renders itself once the state is 'ready'.
 */
export function NotLoadedPage(props: {
  loaded: { state: 'loading' } | { state: 'error'; message: string };
  className: string;
  onRetry: () => void;
}) {
  return (
    <View className={props.className}>
      {props.loaded.state === 'loading' ? (
        <LoadingState />
      ) : (
        <ErrorState message={props.loaded.message} onRetry={props.onRetry} />
      )}
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
      <View className="state__illustration" aria-hidden="true" />
      <View className="state__title">{props.title}</View>
      {props.hint ? <View className="state__text">{props.hint}</View> : null}
      {props.action}
    </View>
  );
}
