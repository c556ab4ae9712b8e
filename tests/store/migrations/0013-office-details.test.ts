// Migration 0013 (office-details): the office row gains its address, phone, HQ name (empty for an
// office set up before) and default printer (NULL: none chosen), each bounded by a CHECK.
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations';
import { m0013OfficeDetails } from '../../../electron/store/migrations/0013-office-details';
import { clock, useDbFiles } from '../../helpers/db-files';

const files = useDbFiles();
const at = MIGRATIONS.indexOf(m0013OfficeDetails);
const BEFORE = MIGRATIONS.slice(0, at);

describe('migration 0013 (office-details)', () => {
  it('comes after the migrations before it, named office-details', () => {
    expect(at).toBeGreaterThan(0);
    expect([m0013OfficeDetails.version, m0013OfficeDetails.name]).toEqual([at + 1, 'office-details']);
  });

  it('keeps the office as it was with empty details and no printer, and bounds each detail', async () => {
    const { db: d, path } = files.open();
    await migrate(d, path, BEFORE, clock);
    d.prepare(
      "INSERT INTO office (id, name, short_name, timezone, public_key_pem, private_key_pem, created_at) VALUES (1, '华东办事处', '华东', 'Asia/Shanghai', 'pub', 'priv', 'c')",
    ).run();

    const r = await migrate(d, path, MIGRATIONS.slice(0, at + 1), clock);
    expect(r).toMatchObject({ from: at, to: at + 1 });
    expect(schemaVersion(d)).toBe(at + 1);
    expect(d.prepare('SELECT name, short_name, returns_on_card, address, phone, hq_name, default_printer FROM office').get()).toEqual({
      name: '华东办事处',
      short_name: '华东',
      returns_on_card: 'redIssue',
      address: '',
      phone: '',
      hq_name: '',
      default_printer: null,
    });

    d.prepare("UPDATE office SET address = '杭州', phone = '0571-1', hq_name = '总部', default_printer = 'EPSON' WHERE id = 1").run();
    expect(() => d.prepare('UPDATE office SET address = ? WHERE id = 1').run('路'.repeat(201))).toThrow(/CHECK/);
    expect(() => d.prepare('UPDATE office SET phone = ? WHERE id = 1').run('1'.repeat(31))).toThrow(/CHECK/);
    expect(() => d.prepare('UPDATE office SET hq_name = ? WHERE id = 1').run('总'.repeat(101))).toThrow(/CHECK/);
    expect(() => d.prepare("UPDATE office SET default_printer = '' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => d.prepare('UPDATE office SET address = NULL WHERE id = 1').run()).toThrow(/NOT NULL/);
    expect(schemaVersion(files.readonly(r.backupPath!))).toBe(at);
  });
});
