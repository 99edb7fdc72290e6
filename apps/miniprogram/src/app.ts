import { env } from './env';
import { type PropsWithChildren, createElement, Fragment } from 'react';
import { TitleBar } from './components/TitleBar';
import { installKeyboard } from './services/keyboard';
import './app.css';

installKeyboard();

function App({ children }: PropsWithChildren) {
  // children is the page being shown; H5 adds the sub-pages' title bar beside it.
  if (env.platform !== 'h5') return children;
  return createElement(Fragment, null, children, createElement(TitleBar));
}

export default App;
