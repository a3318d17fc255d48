import type { FastifyInstance } from 'fastify';

/** Far deeper than any request of the API (a module's materials are 4 levels down). */
export const MAX_JSON_DEPTH = 32;

/** Walks without recursion, so that a body nested 100,000 levels cannot overflow the stack here. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Refuses deeply nested bodies before validation: class-transformer and class-validator recurse,
 * and a body of a few kilobytes nested 10,000 levels would overflow their stack (a 500).
 */
export function limitJsonDepth(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request, reply) => {
    if (!nestedDeeperThan(request.body, MAX_JSON_DEPTH)) return;
    return reply.code(400).send({
      statusCode: 400,
      error: 'Bad Request',
      message: `The request body is nested deeper than ${MAX_JSON_DEPTH} levels`,
      code: 'invalid-input',
    });
  });
}
