// Prisma CLI configuration (Prisma 7). Only `prisma generate` is used here (via scripts/generate.ts);
// migrations are made and applied offline by our own scripts, see README.md.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
