import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../src/env';
import { jobsConfigFromEnv } from '../src/jobs';

describe('retention settings from the environment', () => {
  it('keep logs 36 months and applications forever by default', () => {
    expect(jobsConfigFromEnv(parseEnv({})).retention).toEqual({
      auditRetentionMonths: 36,
      applicationRetentionYears: null,
    });
    const set = parseEnv({ AUDIT_RETENTION_MONTHS: '12', APPLICATION_RETENTION_YEARS: '30' });
    expect(jobsConfigFromEnv(set).retention).toEqual({
      auditRetentionMonths: 12,
      applicationRetentionYears: 30,
    });
  });

  it('refuse to start with logs kept under six months (网络安全法)', () => {
    expect(() => parseEnv({ AUDIT_RETENTION_MONTHS: '5' })).toThrow(EnvError);
    expect(() => parseEnv({ AUDIT_RETENTION_MONTHS: '5' })).toThrow(/AUDIT_RETENTION_MONTHS/);
    expect(() => parseEnv({ APPLICATION_RETENTION_YEARS: '0' })).toThrow(EnvError);
  });
});
