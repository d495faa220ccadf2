/**
 * Whether a reader's editor follows the end of a live transcript, decided from how its viewport moved
 * (src/ui/transcript/editors.ts reports every move and scrolls the editors that follow). A viewport whose
 * first line did not change was not scrolled (the text grew below it, a turn was folded, the editor was
 * resized): it keeps what it did. Scrolled up, it stops following unless it still shows the end; scrolled
 * down, it follows when it reaches the end, or when the transcript took it there (the text may have grown
 * again before that move arrived).
 */

/** An editor's viewport: its first and last visible lines (0-based) and its document's line count. */
export interface Viewport {
  top: number;
  bottom: number;
  lineCount: number;
}

/** What is known of a reader's editor. */
export interface ReaderPlace {
  /** The first visible line when last seen. */
  top: number;
  /** New text scrolls this editor to the end. */
  follows: boolean;
  /** It was asked to scroll to the end and has not been seen there since. */
  revealing: boolean;
}

/** The viewport shows the last line (the document ends with an empty line, so the one before counts too). */
export const showsEnd = (v: Viewport) => v.bottom >= v.lineCount - 2;

/** An editor seen for the first time follows when it shows the end. */
export const firstPlace = (v: Viewport): ReaderPlace => ({ top: v.top, follows: showsEnd(v), revealing: false });

/** After the viewport changed. */
export function placeAfterMove(place: ReaderPlace, v: Viewport): ReaderPlace {
  const atEnd = showsEnd(v);
  const revealing = place.revealing && !atEnd;
  if (v.top === place.top) {
    return { top: v.top, follows: place.follows || atEnd, revealing };
  }
  if (v.top < place.top) {
    return { top: v.top, follows: atEnd, revealing: false };
  }
  return { top: v.top, follows: atEnd || place.revealing, revealing };
}

/** The text changed: an editor that follows is asked to scroll to the end. */
export const placeAfterGrowth = (place: ReaderPlace): ReaderPlace =>
  place.follows ? { ...place, revealing: true } : place;
