/// <reference types="jest" />
import { matchPrefix, safeReturnPath } from './paths';
import { maskId } from '../ui/mask';

describe('matchPrefix', () => {
  it('matches the prefix and paths below it, not siblings', () => {
    expect(matchPrefix('/unit', '/unit')).toBe(true);
    expect(matchPrefix('/unit/agents', '/unit/')).toBe(true);
    expect(matchPrefix('/units', '/unit')).toBe(false);
  });
});

describe('safeReturnPath', () => {
  it('accepts paths of this origin only', () => {
    expect(safeReturnPath('/unit/agents?x=1')).toBe('/unit/agents?x=1');
    expect(safeReturnPath('//evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath(null, '/home')).toBe('/home');
  });
});

describe('maskId', () => {
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskId('110105199001011234')).toBe('110***********1234');
    expect(maskId('110***********1234')).toBe('110***********1234');
    expect(maskId('12345')).toBe('*****');
  });
});
