import { neighbours, readTrail, rememberTrail, type QueueTrail } from './queueNav';

class MemoryStorage {
  private values = new Map<string, string>();
  get length() {
    return this.values.size;
  }
  clear() {
    this.values.clear();
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
}

const trail: QueueTrail = {
  href: '/unit/review/queue?state=PENDING&page=2',
  cases: [
    { id: 'a', name: '张伟' },
    { id: 'b', name: '李娜' },
    { id: 'c', name: '王芳' },
  ],
};

describe('queue trail', () => {
  it('remembers the list per list path and reads it back', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    rememberTrail(storage, '/unit/review/queue', trail);
    expect(readTrail(storage, '/unit/review/queue')).toEqual(trail);
    expect(readTrail(storage, '/bureau/review/queue')).toBeNull();
  });

  it('ignores what it did not write: broken JSON, another list’s address, malformed cases', () => {
    const storage = new MemoryStorage() as unknown as Storage;
    storage.setItem('zc-review-trail:/unit/review/queue', '{');
    expect(readTrail(storage, '/unit/review/queue')).toBeNull();
    storage.setItem(
      'zc-review-trail:/unit/review/queue',
      JSON.stringify({ href: 'https://evil.example/', cases: [] }),
    );
    expect(readTrail(storage, '/unit/review/queue')).toBeNull();
    storage.setItem(
      'zc-review-trail:/unit/review/queue',
      JSON.stringify({ href: '/unit/review/queue', cases: [{ id: 'a', name: '张伟' }, { id: 3 }, null] }),
    );
    expect(readTrail(storage, '/unit/review/queue')?.cases).toEqual([{ id: 'a', name: '张伟' }]);
    expect(readTrail(undefined, '/unit/review/queue')).toBeNull();
  });

  it('finds the previous and next case and the position', () => {
    expect(neighbours(trail, 'a')).toEqual({ previous: null, next: trail.cases[1], position: 1, total: 3 });
    expect(neighbours(trail, 'b')).toEqual({
      previous: trail.cases[0],
      next: trail.cases[2],
      position: 2,
      total: 3,
    });
    expect(neighbours(trail, 'c')).toMatchObject({ next: null, position: 3 });
    expect(neighbours(trail, 'x')).toEqual({ previous: null, next: null, position: null, total: 3 });
    expect(neighbours(null, 'a')).toEqual({ previous: null, next: null, position: null, total: 0 });
  });
});
