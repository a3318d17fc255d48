import { BadRequestException } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AppValidationPipe } from './validation-pipe';

class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

describe('AppValidationPipe', () => {
  const sut = new AppValidationPipe();
  const asQuery = { type: 'query' as const, metatype: PageQuery };

  it('gives every request of an accepted query its own transformed object', async () => {
    const first = (await sut.transform({ pageSize: '20' }, asQuery)) as PageQuery;
    const second = (await sut.transform({ pageSize: '20' }, asQuery)) as PageQuery;
    expect(first).toBeInstanceOf(PageQuery);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    first.pageSize = 99;
    expect(((await sut.transform({ pageSize: '20' }, asQuery)) as PageQuery).pageSize).toBe(20);
  });

  it('refuses a bad query every time it comes, and unknown fields too', async () => {
    for (let i = 0; i < 2; i++)
      await expect(sut.transform({ pageSize: '500' }, asQuery)).rejects.toBeInstanceOf(BadRequestException);
    await expect(sut.transform({ pageSize: '20', admin: 'true' }, asQuery)).rejects.toBeInstanceOf(
      BadRequestException,
    );
  });
});
