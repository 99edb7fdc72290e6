/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '*.png';
declare module '*.svg';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time: the target platform. */
    TARO_ENV: 'weapp' | 'h5' | 'alipay' | 'swan' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
    /** Build-time constants from config/index.ts. */
    TARO_APP_API_URL?: string;
    TARO_APP_FAKE_WECHAT_URL?: string;
    TARO_APP_FILE_MAX_MB?: string;
    TARO_APP_SUBSCRIBE_TEMPLATE_IDS?: string;
  }
}

/**
 * The H5 router Taro's H5 platform aliases in (`@tarojs/router$`); only the part the form's
 * leave guard uses (leave-guard.h5.ts). It is the `history` package's History.
 */
declare module '@tarojs/router' {
  export const history: {
    block(blocker: (transition: { retry(): void }) => void): () => void;
  };
}
