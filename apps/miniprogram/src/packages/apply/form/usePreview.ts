import { useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client';
import { describeError } from '../../../api/errors';
import type { EvidenceItem } from '../../../components/EvidenceUploader';
import { inputKey } from '../../../forms/form-values';
import { withSession } from '../../../services/session';

export type PreviewResult = Awaited<ReturnType<typeof api.applications.preview.mutate>>;

export interface Preview {
  loading: boolean;
  result: PreviewResult | null;
  error: string | null;
}

/** Half a second after typing stops, ask the engine what this application would get. */
const DEBOUNCE_MS = 500;

export function usePreview(
  ruleId: string,
  input: Record<string, unknown>,
  evidence: readonly EvidenceItem[],
  applicationId: string | undefined,
): Preview {
  const [state, setState] = useState<Preview>({ loading: true, result: null, error: null });
  const kinds = [...new Set(evidence.map((e) => e.kind))].sort();
  const key = inputKey({ ruleId, input, kinds, applicationId });
  const seq = useRef(0);
  const latest = useRef({ ruleId, input, kinds, applicationId });
  latest.current = { ruleId, input, kinds, applicationId };

  useEffect(() => {
    const mine = ++seq.current;
    setState((prev) => ({ ...prev, loading: true }));
    const timer = setTimeout(() => {
      const req = latest.current;
      withSession(() =>
        api.applications.preview.mutate({
          ruleId: req.ruleId,
          input: req.input,
          evidenceKinds: req.kinds,
          ...(req.applicationId ? { applicationId: req.applicationId } : {}),
        }),
      ).then(
        (result) => {
          if (mine === seq.current) setState({ loading: false, result, error: null });
        },
        (error: unknown) => {
          if (mine === seq.current)
            setState((prev) => ({ ...prev, loading: false, error: describeError(error).message }));
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  return state;
}
