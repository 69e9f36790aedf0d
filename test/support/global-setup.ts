import { prepareTemplates } from './test-databases.ts';

export default async function setup(): Promise<void> {
  await prepareTemplates();
}
