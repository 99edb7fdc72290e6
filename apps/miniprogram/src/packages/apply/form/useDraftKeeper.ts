import { useCallback, useRef, useState } from 'react';

/**
 * Whether the form holds changes not yet saved, by comparing a key of what it holds with the key
 * of what was last saved. Read synchronously (`stillDirty`) by the leave guard and the autosave:
 * a save that has just finished counts at once, before React re-renders.
 */
export function useDraftKeeper(snapshot: string) {
  const current = useRef(snapshot);
  current.current = snapshot;
  const savedRef = useRef(snapshot);
  const [savedKey, setSavedKey] = useState(snapshot);

  const stillDirty = useCallback(() => current.current !== savedRef.current, []);
  /** Call with `snapshotNow()` taken when the save started: later edits stay unsaved. */
  const markSaved = useCallback((key: string) => {
    savedRef.current = key;
    setSavedKey(key);
  }, []);
  const snapshotNow = useCallback(() => current.current, []);

  return { dirty: snapshot !== savedKey, stillDirty, markSaved, snapshotNow };
}
