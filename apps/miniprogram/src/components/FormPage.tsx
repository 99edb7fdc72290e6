import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Loaded } from '../hooks/useLoader';
import { usePageClass } from '../services/text-size';
import { NotLoadedPage } from './StateViews';

/**
 * A form page (`useFormPage`) once loaded: what happens to what is sent (`notice`), then the form
 * (`children`), its submit bar fixed at the bottom. `data-mode` says whether it corrects a record
 * (`edit`) or sends a new one (`new`). Before that, loading or the failure with 重新加载.
 */
export function FormPage<T>(props: {
  id: string;
  loaded: Loaded<T>;
  onRetry: () => void;
  editing: (data: T) => boolean;
  notice: string;
  children: (data: T) => ReactNode;
}) {
  const pageClass = usePageClass();
  const { loaded } = props;
  if (loaded.state !== 'ready') {
    return <NotLoadedPage loaded={loaded} className={pageClass} onRetry={props.onRetry} />;
  }
  return (
    <View
      className={`${pageClass} page--footer`}
      id={props.id}
      data-mode={props.editing(loaded.data) ? 'edit' : 'new'}
    >
      <View className="notice">{props.notice}</View>
      {props.children(loaded.data)}
    </View>
  );
}
