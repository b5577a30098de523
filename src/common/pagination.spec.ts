import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageQueryDto, pageWindow } from './pagination.js';

describe('PageQueryDto', () => {
  const parse = (q: Record<string, string>) => {
    const dto = plainToInstance(PageQueryDto, q);
    return { dto, errors: validateSync(dto).map((e) => e.property) };
  };

  it('defaults to the first page of 20', () => {
    expect(parse({}).dto).toMatchObject({ page: 1, pageSize: 20 });
  });

  it.each([
    [{ page: '0' }, 'page'],
    [{ page: 'abc' }, 'page'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ pageSize: '2.5' }, 'pageSize'],
  ])('refuses %p on %s', (q, field) => {
    expect(parse(q).errors).toContain(field);
  });

  it.each([
    [1, 20, 0],
    [3, 10, 20],
  ])('page %i of %i starts at offset %i', (page, pageSize, offset) => {
    expect(pageWindow({ page, pageSize })).toEqual({ offset, limit: pageSize });
  });
});
