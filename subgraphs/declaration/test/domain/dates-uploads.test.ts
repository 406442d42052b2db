import fc from 'fast-check';
import {
  chinaDate,
  daysLeft,
  elapsedSince,
  isIsoDate,
  slotRule,
  slotRuleText,
  uploadProblems,
  yearsSince,
} from '../../src/domain';
import { catalogueFile, titleDeclaration } from './fixtures';

describe('computed dates', () => {
  it('距申报截止剩余: started days left, 0 once closed', () => {
    const closesAt = new Date('2026-11-30T00:00:00+08:00');
    expect(daysLeft(closesAt, new Date('2026-11-26T00:00:00+08:00'))).toBe(4);
    expect(daysLeft(closesAt, new Date('2026-11-29T21:00:00+08:00'))).toBe(1);
    expect(daysLeft(closesAt, closesAt)).toBe(0);
    expect(daysLeft(closesAt, new Date('2026-12-05T00:00:00+08:00'))).toBe(0);
  });

  it('judges today in China (UTC+8), not in UTC', () => {
    expect(chinaDate(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(chinaDate(new Date('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
  });

  it('counts completed years and months, never negative', () => {
    expect(elapsedSince('2020-02-29', '2021-02-28')).toEqual({ years: 0, months: 11 });
    expect(elapsedSince('2020-02-29', '2021-03-01')).toEqual({ years: 1, months: 0 });
    expect(yearsSince('2030-01-01', '2026-11-23')).toBe(0);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-28')).toBe(false);
  });

  it('property: years since grow with today and never exceed the calendar difference', () => {
    const day = fc
      .date({
        min: new Date('1950-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        const [from, t1, t2] = [a, b, c].sort();
        expect(yearsSince(from, t1)).toBeLessThanOrEqual(yearsSince(from, t2));
        expect(yearsSince(from, t2)).toBeLessThanOrEqual(Number(t2.slice(0, 4)) - Number(from.slice(0, 4)));
        expect(yearsSince(from, t2)).toBeGreaterThanOrEqual(
          Number(t2.slice(0, 4)) - Number(from.slice(0, 4)) - 1,
        );
      }),
    );
  });
});

describe('upload tickets', () => {
  it('describe a slot like the seeds’ 上传说明', () => {
    const decl = titleDeclaration({ category: 'EXCEPTIONAL' });
    const rule = slotRule(decl.config, decl.data, {
      kind: 'ENTRY',
      module: 'RECOMMENDERS',
      entryId: decl.data.recommenders![0].id,
    })!;
    expect(slotRuleText(rule)).toBe('只能上传zip、pdf格式的文件；单个文件不能超过5000KB；最多上传1个');
  });

  it('refuse unknown slots and entries, wrong formats, empty files and full slots', () => {
    const decl = titleDeclaration();
    expect(
      uploadProblems(decl, { slot: { kind: 'CATALOGUE', code: 'NOPE' }, format: 'pdf', sizeBytes: 10 }),
    ).toEqual([{ field: 'slot', code: 'SLOT_UNKNOWN', message: '本次申报没有该附件类别' }]);
    expect(
      uploadProblems(decl, {
        slot: { kind: 'ENTRY', module: 'EDUCATION', entryId: 'not-an-entry' },
        format: 'pdf',
        sizeBytes: 10,
      }),
    ).toEqual([
      {
        field: 'slot',
        code: 'SLOT_UNKNOWN',
        message: '教育经历不能再添加条目，或该条目不存在，请刷新页面后重试',
      },
    ]);
    // An entry being added (a new client id) takes its files before it is saved.
    expect(
      uploadProblems(decl, {
        slot: { kind: 'ENTRY', module: 'EDUCATION', entryId: '00000000-0000-4000-8000-ffffffffffff' },
        format: 'pdf',
        sizeBytes: 10,
      }),
    ).toEqual([]);
    expect(
      uploadProblems(decl, { slot: { kind: 'CATALOGUE', code: 'ID_CARD' }, format: 'zip', sizeBytes: 0 }),
    ).toEqual([
      { field: 'contentType', code: 'FILE_FORMAT', message: '身份证只能上传pdf、jpg、png格式的文件' },
      { field: 'sizeBytes', code: 'FILE_EMPTY', message: '不能上传空文件' },
      { field: 'slot', code: 'SLOT_FULL', message: '身份证最多上传2个，请先删除已上传的文件' },
    ]);
    const withOne = {
      ...decl,
      attachments: decl.attachments.filter((a) => a.slot.kind !== 'CATALOGUE' || a.slot.code !== 'ID_CARD'),
    };
    withOne.attachments.push(catalogueFile('ID_CARD'));
    expect(
      uploadProblems(withOne, {
        slot: { kind: 'CATALOGUE', code: 'ID_CARD' },
        format: 'jpg',
        sizeBytes: 2000 * 1024,
      }),
    ).toEqual([]);
  });
});
