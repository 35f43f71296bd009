/** The server's adaptive debounce, on a fake clock. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdaptiveDebounce, FAST_MS, MAX_DELAY_MS } from '../../server/src/adaptiveDebounce';

function clocked(): { debounce: AdaptiveDebounce; advance: (ms: number) => void } {
  let now = 1000;
  return { debounce: new AdaptiveDebounce(() => now), advance: (ms) => (now += ms) };
}

describe('adaptive debounce', () => {
  it('validates at once before anything is known and while validation is fast', () => {
    const { debounce, advance } = clocked();
    assert.equal(debounce.edited('a'), 0);
    debounce.validated('a', 900);
    assert.equal(debounce.edited('a'), 0, 'the first validation (schemas loading) does not count');
    debounce.validated('a', FAST_MS - 1);
    for (let i = 0; i < 5; i++) {
      advance(30);
      assert.equal(debounce.edited('a'), 0, 'fast typing on a cheap document');
    }
  });

  it('waits about one validation after a slow one, and coalesces a burst of keystrokes', () => {
    const { debounce, advance } = clocked();
    debounce.validated('a', 1);
    debounce.validated('a', 80);
    assert.equal(debounce.edited('a'), 80);
    advance(100);
    assert.equal(debounce.edited('a'), 150, 'keystrokes 100 ms apart: wait past the next one');
    advance(2000);
    assert.equal(debounce.edited('a'), 80, 'after a pause the burst is over');
    debounce.validated('a', 5000);
    assert.equal(debounce.delay('a'), MAX_DELAY_MS);
  });

  it('goes back to validating at once when the last run was fast again', () => {
    const { debounce } = clocked();
    debounce.validated('a', 1);
    debounce.validated('a', 600);
    assert.equal(debounce.edited('a'), MAX_DELAY_MS);
    debounce.validated('a', 8);
    assert.equal(debounce.edited('a'), 0);
  });

  it('keeps documents apart and forgets closed ones', () => {
    const { debounce } = clocked();
    debounce.validated('slow', 1);
    debounce.validated('slow', 200);
    assert.equal(debounce.delay('other'), 0);
    assert.equal(debounce.delay('slow'), 200);
    debounce.forget('slow');
    assert.equal(debounce.delay('slow'), 0);
  });
});
