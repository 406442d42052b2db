/// <reference types="jest" />
import { paths, routeOf } from './routes';

describe('routeOf', () => {
  it('reads every page of the wizard from its path', () => {
    expect(routeOf('/applicant')).toEqual({ page: 'home' });
    expect(routeOf('/applicant/')).toEqual({ page: 'home' });
    expect(routeOf('/applicant/notices')).toEqual({ page: 'notices' });
    expect(routeOf('/applicant/notices/n1')).toEqual({ page: 'notice', noticeId: 'n1' });
    expect(routeOf('/applicant/notices/n1/start')).toEqual({ page: 'start', noticeId: 'n1' });
    expect(routeOf('/applicant/declarations/d1')).toEqual({ page: 'declaration', declarationId: 'd1' });
    expect(routeOf('/applicant/declarations/d1/fill')).toEqual({ page: 'fill', declarationId: 'd1' });
    expect(routeOf('/applicant/declarations/d1/attachments')).toEqual({
      page: 'attachments',
      declarationId: 'd1',
    });
    expect(routeOf('/applicant/declarations/d1/done')).toEqual({ page: 'done', declarationId: 'd1' });
    expect(routeOf('/applicant/items')).toEqual({ page: 'items' });
    expect(routeOf('/applicant/access-log')).toEqual({ page: 'accessLog' });
  });

  it('answers notFound for anything else', () => {
    for (const path of [
      '/unit',
      '/applicant/x',
      '/applicant/items/1',
      '/applicant/access-log/1',
      '/applicant/declarations',
      '/applicant/declarations/d1/fill/more',
    ]) {
      expect(routeOf(path)).toEqual({ page: 'notFound' });
    }
  });

  it('round-trips the paths it builds, ids encoded', () => {
    expect(routeOf(paths.fill('a b'))).toEqual({ page: 'fill', declarationId: 'a b' });
    expect(paths.fill('d1', 'EDUCATION')).toBe('/applicant/declarations/d1/fill?module=EDUCATION');
    expect(paths.notices('TITLE_NORMAL')).toBe('/applicant/notices?channel=TITLE_NORMAL');
    expect(routeOf(paths.start('n/1'))).toEqual({ page: 'start', noticeId: 'n/1' });
  });
});
