// jsdom has no layout engine, but ProseMirror measures the selection to scroll it into view and
// Floating UI measures anchors. Zero-sized rects are a faithful "nothing is laid out" answer.
const emptyRect = (): DOMRect => ({ x: 0, y: 0, top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0, toJSON: () => ({}) }) as DOMRect;
const emptyRectList = (): DOMRectList => Object.assign([] as DOMRect[], { item: () => null }) as unknown as DOMRectList;

export function installDomLayoutPolyfills(): void {
  for (const proto of [Element.prototype, Range.prototype, Text.prototype as unknown as Element]) {
    if (!('getClientRects' in proto) || typeof (proto as Element).getClientRects !== 'function') {
      Object.defineProperty(proto, 'getClientRects', { configurable: true, value: emptyRectList });
    }
    if (typeof (proto as Element).getBoundingClientRect !== 'function') {
      Object.defineProperty(proto, 'getBoundingClientRect', { configurable: true, value: emptyRect });
    }
  }
  if (typeof document.elementFromPoint !== 'function') {
    document.elementFromPoint = () => null;
  }
}
