import { candidateDirs, parseMajor } from './pg-tools.js';

describe('PostgreSQL client tools', () => {
  it('reads the major version of the --version line of each packaging', () => {
    expect(parseMajor('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)')).toBe(15);
    expect(parseMajor('pg_restore (PostgreSQL) 18.1')).toBe(18);
    expect(parseMajor('pg_dump (PostgreSQL) 9.6.24')).toBe(9);
    expect(parseMajor('something else')).toBeUndefined();
  });

  it('looks only in PG_BIN_DIR when the operator sets it, else in the usual folders and PATH', () => {
    expect(candidateDirs('/opt/pg/bin', '/usr/bin')).toEqual(['/opt/pg/bin']);
    const dirs = candidateDirs(undefined, '/usr/local/bin:/usr/bin:/usr/bin');
    expect(dirs.slice(-2)).toEqual(['/usr/local/bin', '/usr/bin']);
  });
});
