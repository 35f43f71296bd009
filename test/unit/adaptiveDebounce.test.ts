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

  it('runs a slow validation at once when it ends before the next keystroke is due', () => {
    const { debounce, advance } = clocked();
    debounce.validated('a', 1);
    debounce.validated('a', 80);
    assert.equal(debounce.edited('a'), 0, 'an edit after a pause');
    advance(100);
    assert.equal(debounce.edited('a'), 0, 'keystrokes 100 ms apart: validation keeps up');
    advance(200);
    assert.equal(debounce.edited('a'), 0, 'slower typing');
  });

  it('coalesces a burst of keystrokes faster than validation', () => {
    const { debounce, advance } = clocked();
    debounce.validated('a', 1);
    debounce.validated('a', 80);
    debounce.edited('a');
    advance(60);
    assert.equal(debounce.edited('a'), 90, 'keystrokes 60 ms apart: wait past the next one');
    advance(20);
    assert.equal(debounce.edited('a'), 80, 'gaps averaging 40 ms: about one validation');
    advance(2000);
    assert.equal(debounce.edited('a'), 0, 'after a pause the burst is over');
    advance(100);
    debounce.validated('a', 5000);
    assert.equal(debounce.edited('a'), MAX_DELAY_MS);
  });

  it('goes back to validating at once when the last run was fast again', () => {
    const { debounce, advance } = clocked();
    debounce.validated('a', 1);
    debounce.validated('a', 600);
    debounce.edited('a');
    advance(100);
    assert.equal(debounce.edited('a'), MAX_DELAY_MS);
    debounce.validated('a', 8);
    assert.equal(debounce.edited('a'), 0);
  });

  it('keeps documents apart and forgets closed ones', () => {
    const { debounce, advance } = clocked();
    debounce.validated('slow', 1);
    debounce.validated('slow', 200);
    debounce.edited('slow');
    advance(100);
    assert.equal(debounce.edited('slow'), 200);
    assert.equal(debounce.delay('other'), 0);
    assert.equal(debounce.delay('slow'), 200);
    debounce.forget('slow');
    assert.equal(debounce.delay('slow'), 0);
  });
});
