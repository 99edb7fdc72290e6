import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { back, replace } from '../services/nav';
import { useLoader } from './useLoader';

/**
 * A page that sends a new record for review or corrects one (`?id=`; 发布需求, 登记创新联盟):
 * what the form starts from is loaded once, when the page opens, and a correction's page is
 * titled `editTitle`. Once saved (`saved`), a new record opens as its owner sees it (`opens`,
 * `?id=`); a correction returns there.
 */
export function useFormPage<T>(options: {
  load: (id: string | undefined) => Promise<T>;
  editTitle: string;
  opens: string;
}) {
  const { params } = useRouter();
  const id = params.id;
  const { loaded, reload } = useLoader(() => options.load(id), { onShow: false });
  useLoad(() => {
    if (id) void Taro.setNavigationBarTitle({ title: options.editTitle });
    void reload();
  });
  return {
    loaded,
    reload,
    saved: (savedId: string) => void (id ? back() : replace(options.opens, { id: savedId })),
  };
}
