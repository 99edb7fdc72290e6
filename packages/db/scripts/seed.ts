/**
 * pnpm db:seed — migrates, then adds the demo data (idempotent) to the configured database.
 */
import { createDb } from '../src/client';
import { DEMO_PASSWORD, seedDemo } from '../src/seed';

const db = await createDb({ log: (message) => console.log(message) });
try {
  const { created } = await seedDemo(db.prisma, { now: new Date() }); // a CLI: the system clock is its clock
  const total = Object.values(created).reduce((a, b) => a + b, 0);
  console.log(
    `Seeded (${db.kind}): ${created.officers} officers, ${created.organisations} organisations, ${created.researchers} researchers, ${created.budgets} budgets created` +
      (total === 0 ? ' — nothing to do.' : '.'),
  );
  if (created.officers > 0)
    console.log(`Officer logins: admin, reviewer, yongqiao, dangshan, finance / ${DEMO_PASSWORD}`);
} finally {
  await db.close();
}
