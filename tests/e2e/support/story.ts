import { beforeEach } from 'vitest';

/**
 * For a describe whose tests are the steps of one story (each uses what the step before left):
 * once a step fails, the later ones are skipped, so the report shows the failure that matters
 * rather than its echoes. Call it inside the describe.
 */
export function stepsOfOneStory(): void {
  let failed = false;
  beforeEach(({ skip, onTestFailed }) => {
    if (failed) skip('an earlier step of this story failed');
    onTestFailed(() => {
      failed = true;
    });
  });
}
