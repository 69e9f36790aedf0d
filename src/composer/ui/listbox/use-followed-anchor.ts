import { useLayoutEffect, useRef, useState } from 'react';

interface Area {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

// The overflow values that cut off content (not `visible`, nor an unset value).
const CLIPS = /^(?:auto|scroll|hidden|clip)$/;

/**
 * The part of the window where `element`'s content can be seen: the viewport, cut down by every
 * ancestor that clips what overflows it (a scrolling editor pane, a host's scrolling sidebar).
 */
function visibleAreaOf(element: HTMLElement): Area {
  const area: Area = { top: 0, left: 0, bottom: window.innerHeight, right: window.innerWidth };
  for (let node = element.parentElement; node && node !== document.documentElement && node !== document.body; node = node.parentElement) {
    const { overflowX, overflowY } = getComputedStyle(node);
    if (!CLIPS.test(overflowX) && !CLIPS.test(overflowY)) continue;
    const box = node.getBoundingClientRect();
    area.top = Math.max(area.top, box.top);
    area.left = Math.max(area.left, box.left);
    area.bottom = Math.min(area.bottom, box.bottom);
    area.right = Math.min(area.right, box.right);
  }
  return area;
}

/** Whether the typed text at `rect` inside `owner` can still be seen (touching an edge counts). */
export function isInView(rect: DOMRect, owner: HTMLElement): boolean {
  const area = visibleAreaOf(owner);
  return rect.bottom >= area.top && rect.top <= area.bottom && rect.right >= area.left && rect.left <= area.right;
}

/**
 * Where the typed text a list belongs to is now: measured when the list opens or refreshes, and
 * again (once per frame) whenever the page, any scrolling container or the window moves it. When
 * a scroll takes the text out of sight, `onLost` runs (the list closes rather than float over
 * unrelated content).
 */
export function useFollowedAnchor(anchor: (() => DOMRect | null) | null, owner: HTMLElement | undefined, onLost: () => void): DOMRect | null {
  const [rect, setRect] = useState<DOMRect | null>(null);
  const lost = useRef(onLost);
  lost.current = onLost;

  useLayoutEffect(() => {
    setRect(anchor?.() ?? null);
    if (!anchor) return;
    let frame = 0;
    const follow = () => {
      frame = 0;
      const next = anchor();
      if (!next || (owner && !isInView(next, owner))) lost.current();
      else setRect(next);
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(follow);
    };
    // Scroll events do not bubble: capturing them on the window hears every scrolling container.
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [anchor, owner]);

  return rect;
}
