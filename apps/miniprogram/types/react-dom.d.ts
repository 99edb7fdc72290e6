// The one react-dom API the H5 build uses (components/TitleBar.h5.tsx); WeChat has no react-dom.
declare module 'react-dom' {
  import type { ReactNode, ReactPortal } from 'react';

  export function createPortal(children: ReactNode, container: Element): ReactPortal;
}
