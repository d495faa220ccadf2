import assert from 'node:assert/strict';
import {
  firstPlace,
  placeAfterGrowth,
  placeAfterMove,
  showsEnd,
  type ReaderPlace,
} from '../../../src/present/transcriptScroll';

/** A 100-line transcript (its last line empty) in a 20-line editor. */
const at = (top: number, lineCount = 100) => ({ top, bottom: top + 19, lineCount });
const place = (top: number, follows: boolean, revealing = false): ReaderPlace => ({ top, follows, revealing });

describe('present/transcriptScroll: whether a reader follows the end of a live transcript', () => {
  it('the end is shown when the last line, or the one before the final empty line, is visible', () => {
    assert.equal(showsEnd(at(80)), true);
    assert.equal(showsEnd(at(79)), true);
    assert.equal(showsEnd(at(78)), false);
  });

  it('an editor seen first follows when it shows the end', () => {
    assert.deepEqual(firstPlace(at(80)), place(80, true));
    assert.deepEqual(firstPlace(at(0)), place(0, false));
    assert.deepEqual(firstPlace({ top: 0, bottom: 3, lineCount: 4 }), place(0, true), 'a short text shows its end');
  });

  it('the text grew below a viewport that did not scroll: it keeps following, or not', () => {
    assert.deepEqual(placeAfterMove(place(80, true), at(80, 120)), place(80, true));
    assert.deepEqual(placeAfterMove(place(10, false), at(10, 120)), place(10, false));
    // a short transcript that grew past the editor: it was shown whole, so it follows
    assert.deepEqual(placeAfterMove(place(0, true), at(0, 120)), place(0, true));
  });

  it('scrolled up, it stops following; scrolled down to the end, it follows', () => {
    assert.deepEqual(placeAfterMove(place(80, true), at(40)), place(40, false));
    assert.deepEqual(placeAfterMove(place(80, true, true), at(40)), place(40, false), 'even while being taken down');
    assert.deepEqual(placeAfterMove(place(10, false), at(50)), place(50, false));
    assert.deepEqual(placeAfterMove(place(10, false), at(80)), place(80, true));
  });

  it('taken towards the end while the text grew again, it still follows until it gets there', () => {
    const asked = placeAfterGrowth(place(80, true));
    assert.deepEqual(asked, place(80, true, true));
    // the scroll arrives for the previous end; the text is already longer
    const moved = placeAfterMove(asked, at(100, 130));
    assert.deepEqual(moved, place(100, true, true));
    assert.deepEqual(placeAfterMove(moved, at(110, 130)), place(110, true, false));
  });

  it('new text asks only the editors that follow to scroll', () => {
    assert.deepEqual(placeAfterGrowth(place(10, false)), place(10, false));
  });
});
