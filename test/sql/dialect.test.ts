import { describe, expect, it } from 'vitest';
import { dialectForDbType } from '../../src/sql/dialect.js';

describe('dialectForDbType', () => {
  it.each([
    ['MySQL', 'mysql'],
    ['TiDB', 'mysql'],
    ['OceanBase For MySQL', 'mysql'],
    ['PostgreSQL', 'postgresql'],
    ['postgresql', 'postgresql'],
    ['Oracle', 'oracle'],
    ['OceanBase For Oracle', 'oracle'],
    ['SQL Server', 'sqlserver'],
    ['sqlserver', 'sqlserver'],
    ['DB2', 'postgresql'],
    ['Hive', 'spark'],
    ['Spark SQL', 'spark'],
    ['no such database', 'mysql'],
    ['', 'mysql'],
  ])('%s → %s', (dbType, dialect) => {
    expect(dialectForDbType(dbType)).toBe(dialect);
  });
});
