// react-dom ships no types and @types/react-dom is not a dependency; the tests need a root.
declare module 'react-dom/client' {
  import type { ReactNode } from 'react';
  export function createRoot(container: Element): {
    render(children: ReactNode): void;
    unmount(): void;
  };
}
