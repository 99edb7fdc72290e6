import { vi } from 'vitest';

/**
 * The server's test files share a worker (`isolate: false` in vitest.config.ts): the packages they
 * import (Fastify, PGlite, pg, pino) are loaded once per worker. The workspace's own modules are
 * evaluated again for each file, so a file's `vi.mock` (trpc-query mocks `@trpc/server/http`)
 * applies to a fresh import and no file sees another's module state.
 */
vi.resetModules();
