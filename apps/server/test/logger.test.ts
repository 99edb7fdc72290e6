import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';

describe('structured logs', () => {
  it('mask ID and phone numbers wherever they appear and drop the bearer token', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _enc, cb) {
        out += String(chunk);
        cb();
      },
    });
    const logger = createLogger('info', sink);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer secret-token-value' } },
        body: { mobile: '13912345678' },
      },
      'registered 11010519491231002X',
    );
    const line = JSON.parse(out) as {
      msg: string;
      body: { mobile: string };
      req: { headers: { authorization: string } };
    };
    expect(line.msg).toBe('registered 110105********002X');
    expect(line.body.mobile).toBe('139****5678');
    expect(line.req.headers.authorization).toBe('[redacted]');
    expect(out).not.toContain('13912345678');
  });
});
