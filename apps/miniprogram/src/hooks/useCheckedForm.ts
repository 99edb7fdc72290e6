import { useRef, useState } from 'react';
import { describeError } from '../api/errors';
import type { PathErrors } from '../forms/form-values';
import { leaveIfLoggedOut, toast } from '../services/nav';
import { scrollToId } from '../services/scroll';

/** What a form's own check says: what to send, or every problem by its path. */
export type FormCheck = { ok: true } | { ok: false; errors: PathErrors };

/** Refusals after which what the page shows is out of date: the page loads it again. */
const OUT_OF_DATE = [
  'STALE_VERSION',
  'INVALID_TRANSITION',
  'NOT_ORG_ADMIN',
  'NOT_FOUND',
  'PANEL_CLOSED',
];

export interface CheckedFormOptions {
  /** The paths in screen order, to bring the first wrong one into view. */
  order: readonly string[];
  /** A path's element id. */
  fieldId: (path: string) => string;
  /** Where to look when the problems are about no one field. */
  topId: string;
  /** The server's field messages by the form's paths, a refusal about none of them as `_form`. */
  serverErrors: (error: unknown) => PathErrors;
  /** The server said the data on screen is out of date (the typing stays). */
  onStale: () => void;
}

/**
 * A form of the page's own drafting (项目报告, 变更申请), checked as it is typed by `check`, and
 * sent after the user confirms. A field's problem shows once the field is left, all of them after
 * a try, the first brought into view; one request at a time. The server's word lands under the
 * same fields, a refusal about none of them above the button (`refusal`).
 *
 * ```ts
 * const form = useCheckedForm(checkReport(draft, contract), options);
 * const ok = form.attempt();
 * if (!ok || !(await confirmed())) return;
 * await form.send(async () => { await withSession(() => api…mutate(ok.body)); onSubmitted(); });
 * ```
 */
export function useCheckedForm<C extends FormCheck>(check: C, options: CheckedFormOptions) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [attempted, setAttempted] = useState(false);
  const [server, setServer] = useState<PathErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const local: PathErrors = check.ok ? {} : (check as { errors: PathErrors }).errors;

  return {
    /** The server's message for a path, or the check's once the field was left or tried. */
    errorOf: (path: string): string | undefined =>
      server[path] ?? (attempted || touched.has(path) ? local[path] : undefined),
    /** The check's problems, shown or not. */
    local,
    refusal,
    busy,
    blur: (path: string) => setTouched((prev) => new Set(prev).add(path)),
    /** A field changed: the server's word on it goes (on a list's row, the list's too), and the refusal. */
    edited(path: string) {
      setRefusal(null);
      setServer((prev) => {
        const rest = { ...prev };
        delete rest[path];
        delete rest[path.split('.')[0] ?? path];
        return rest;
      });
    },
    /** A try: the checked form to send, or null (the first problem in view) while it does not check. */
    attempt(): Extract<C, { ok: true }> | null {
      if (busyRef.current) return null;
      setAttempted(true);
      setRefusal(null);
      if (!check.ok) {
        void toast('请按提示修改标红的内容');
        const first = options.order.find((path) => local[path]);
        scrollToId(first ? options.fieldId(first) : options.topId);
        return null;
      }
      return check as Extract<C, { ok: true }>;
    },
    /** Sends (the request and what follows it); a refusal lands under its fields or above the button. */
    async send(step: () => Promise<void>) {
      busyRef.current = true;
      setBusy(true);
      try {
        await step();
      } catch (error) {
        if (leaveIfLoggedOut(error)) return;
        const info = describeError(error);
        void toast(info.message);
        const { _form: above, ...placed } = options.serverErrors(error);
        setServer(placed);
        const first = options.order.find((path) => placed[path]);
        if (first) scrollToId(options.fieldId(first));
        // A refusal about no one box (a rule, changed meanwhile) is said above the button.
        setRefusal(Object.keys(placed).length ? null : (above ?? info.message));
        if (info.appCode !== null && OUT_OF_DATE.includes(info.appCode)) options.onStale();
      } finally {
        busyRef.current = false;
        setBusy(false);
      }
    },
  };
}
