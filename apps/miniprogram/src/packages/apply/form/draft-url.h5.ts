import { draftFormUrl } from './draft-state';

/**
 * After the first save the address names the draft (`…/form/index?id=`), so a reload opens it
 * again instead of an empty form. Written in place (the router's state is kept as it is): the
 * page stays, nothing is reloaded or added to the back stack.
 */
export function showDraftInUrl(id: string): void {
  const url = `${window.location.pathname}${window.location.search}#${draftFormUrl(id)}`;
  window.history.replaceState(window.history.state, '', url);
}
