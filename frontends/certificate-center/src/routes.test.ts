/// <reference types="jest" />
import { paths, routeOf } from './routes';

describe('routeOf', () => {
  it('reads each page from its path', () => {
    expect(routeOf('/certificates')).toEqual({ page: 'mine' });
    expect(routeOf('/certificates/')).toEqual({ page: 'mine' });
    expect(routeOf('/verify')).toEqual({ page: 'verify' });
    expect(routeOf('/verify/')).toEqual({ page: 'verify' });
    expect(routeOf('/certificates/reissue')).toEqual({ page: 'reissue' });
    expect(routeOf('/certificates/historical/')).toEqual({ page: 'historical' });
    expect(routeOf('/certificates/nothing')).toEqual({ page: 'notFound' });
    expect(routeOf('/verifyx')).toEqual({ page: 'notFound' });
  });

  it('links to the declaration in the applicant wizard', () => {
    expect(paths.declaration('a/b')).toBe('/applicant/declarations/a%2Fb');
  });
});
