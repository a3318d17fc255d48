import { deleteQueueKeys } from '@mre/tools/platform';

/** Drops this run's database (and the embedded server if one was started) and its queue keys. */
export default async function globalTeardown() {
  await globalThis.__TEST_DATABASE__.drop();
  await deleteQueueKeys(process.env.QUEUE_PREFIX);
}
