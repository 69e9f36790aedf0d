// jsdom has no layout engine, but ProseMirror measures the selection to scroll it into view and
// Floating UI (bubble menus) measures anchors. Zero-sized rects are a faithful "nothing is laid out".
const emptyRect = (): DOMRect => DOMRect.fromRect({ x: 0, y: 0, width: 0, height: 0 });
const emptyRectList = (): DOMRectList => Object.assign([] as DOMRect[], { item: () => null }) as unknown as DOMRectList;

export function installDomLayoutPolyfills(): void {
  for (const proto of [Element.prototype, Range.prototype]) {
    if (typeof proto.getClientRects !== 'function') {
      Object.defineProperty(proto, 'getClientRects', { configurable: true, value: emptyRectList });
    }
    if (typeof proto.getBoundingClientRect !== 'function') {
      Object.defineProperty(proto, 'getBoundingClientRect', { configurable: true, value: emptyRect });
    }
  }
  if (typeof document.elementFromPoint !== 'function') {
    document.elementFromPoint = () => null;
  }
}
