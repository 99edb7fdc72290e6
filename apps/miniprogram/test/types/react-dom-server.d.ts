// react-dom ships no types and @types/react-dom is not a dependency; the tests need one function.
declare module 'react-dom/server' {
  import type { ReactElement } from 'react';
  export function renderToStaticMarkup(element: ReactElement): string;
}
