/**
 * Just enough of `@tarojs/taro` for unit tests: in-memory storage and replaceable request/login.
 * Tests set `taroStub.request` / `taroStub.login` to script the "network".
 */
type RequestOptions = {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  dataType?: string;
};
type RequestResult = { statusCode: number; data: unknown; header?: Record<string, unknown> };

const storage = new Map<string, unknown>();

export const taroStub = {
  request: async (_options: RequestOptions): Promise<RequestResult> => {
    throw new Error('taroStub.request not scripted');
  },
  login: async (): Promise<{ code: string; errMsg: string }> => ({
    code: 'stub-code',
    errMsg: 'login:ok',
  }),
  storage,
  toasts: [] as string[],
  /** The content of every confirmation asked (showModal), and the answer the next ones get. */
  modals: [] as string[],
  modalConfirm: true,
  /** WeChat's "ask before leaving" message while a form holds unsaved changes, else null. */
  leaveAlert: null as string | null,
};

const Taro = {
  request: (options: RequestOptions) => taroStub.request(options),
  login: () => taroStub.login(),
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => {
    storage.set(key, value);
  },
  removeStorageSync: (key: string) => {
    storage.delete(key);
  },
  showToast: async ({ title }: { title: string }) => {
    taroStub.toasts.push(title);
  },
  reLaunch: async () => undefined,
  navigateTo: async () => undefined,
  navigateBack: async () => undefined,
  getCurrentPages: () => [] as unknown[],
  pageScrollTo: async () => undefined,
  showModal: async ({ content }: { title?: string; content?: string }) => {
    taroStub.modals.push(content ?? '');
    return { confirm: taroStub.modalConfirm, cancel: !taroStub.modalConfirm };
  },
  enableAlertBeforeUnload: async ({ message }: { message: string }) => {
    taroStub.leaveAlert = message;
  },
  disableAlertBeforeUnload: async () => {
    taroStub.leaveAlert = null;
  },
};

export default Taro;
export const useLoad = () => undefined;
export const useDidShow = () => undefined;
