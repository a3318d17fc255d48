import { ArgumentMetadata, Type, ValidationPipe } from '@nestjs/common';

/** Distinct query strings remembered per query class; past that, all are forgotten at once. */
const KNOWN_QUERIES = 1_000;

/**
 * The app's validation (unknown fields refused, values transformed), which also remembers the
 * query strings it has already accepted: most reads repeat one (`?pageSize=20`), and checking it
 * again with class-transformer and class-validator was a tenth of such a request's CPU. A query
 * DTO's rules depend on nothing but the query, so an accepted one stays accepted; refused ones are
 * checked every time. Each request gets its own copy of the transformed object.
 */
export class AppValidationPipe extends ValidationPipe {
  private readonly accepted = new WeakMap<Type<unknown>, Map<string, object>>();

  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (metadata.type !== 'query' || !type || typeof value !== 'object' || value === null)
      return super.transform(value, metadata);
    let known = this.accepted.get(type);
    if (!known) this.accepted.set(type, (known = new Map()));
    const key = JSON.stringify(value);
    let dto = known.get(key);
    if (!dto) {
      dto = (await super.transform(value, metadata)) as object;
      if (known.size >= KNOWN_QUERIES) known.clear();
      known.set(key, dto);
    }
    return Object.assign(Object.create(Object.getPrototypeOf(dto) as object | null) as object, dto);
  }
}
