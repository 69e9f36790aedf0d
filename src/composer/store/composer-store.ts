import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CustomValue, DocNode, EmailContent } from '../../template';
import { wrapIndex } from './wrap-index';
import type { ImageUploader } from '../media/image-upload';
import type { ComposerLabels } from '../labels';
import type { Channel, ComposerIssue, ComposerProps, ComposerValue, ContactSummary, MagicLinkDestinationOption, OfferOption, Preview } from '../types';

/** What the host told us through props; everything else in the store is ours. */
export interface ComposerConfig {
  channel: Channel;
  catalog: readonly CustomValue[];
  destinations: readonly MagicLinkDestinationOption[];
  offers: readonly OfferOption[];
  siteHost: string;
  compact: boolean;
  labels: ComposerLabels;
  onPreview?: ComposerProps['onPreview'];
  searchContacts?: ComposerProps['searchContacts'];
  /** Where picked, pasted and dropped image files go; absent: images by address only. */
  uploadImage?: ImageUploader;
  /** memberlink's `/media/` (the social icons), from `apiBaseUrl`. */
  mediaBaseUrl: string;
  issues: readonly ComposerIssue[];
}

/** An image upload under way or refused, shown under the toolbar. */
export type ImageUploadNotice = { status: 'uploading'; message: string } | { status: 'error'; message: string };

/** The `{{` field picker. One per composer: only the focused editor can have it open. */
export interface FieldPickerState {
  query: string;
  items: CustomValue[];
  highlighted: number;
  loading: boolean;
  /** Where the typed `{{query}}` sits on screen, to place the list under it. */
  anchor: DOMRect | null;
  /** The contenteditable that owns the picker: it carries aria-activedescendant while the list is open. */
  owner: HTMLElement;
  choose: (item: CustomValue) => void;
}

export type PreviewWidth = 'desktop' | 'mobile';

export interface PreviewState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The last preview received; kept on screen while the next one loads. */
  result: Preview | null;
  error: string | null;
}

export interface ComposerState {
  value: ComposerValue;
  config: ComposerConfig;
  fieldPicker: FieldPickerState | null;
  previewContact: ContactSummary | null;
  previewWidth: PreviewWidth;
  /** Shows the email as a client in dark mode does (the compiled email's own dark rules). */
  previewDark: boolean;
  preview: PreviewState;
  imageUpload: ImageUploadNotice | null;

  /** Edits made in the composer; each one is reported to the host's onChange. */
  editBody: (body: DocNode) => void;
  editSubject: (subject: string) => void;
  editPreviewText: (previewText: string) => void;
  /** A value the host pushed in (e.g. a loaded template); not echoed back through onChange. */
  replaceValue: (value: ComposerValue) => void;
  setConfig: (config: ComposerConfig) => void;

  showFieldPicker: (picker: Omit<FieldPickerState, 'highlighted'>) => void;
  /** Highlights option `index`, wrapping past either end (ArrowDown on the last goes to the first). */
  highlightField: (index: number) => void;
  /** Inserts the highlighted field; false when there is nothing to insert, so the key press falls through. */
  chooseHighlightedField: () => boolean;
  hideFieldPicker: () => void;

  setPreviewContact: (contact: ContactSummary | null) => void;
  setPreviewWidth: (width: PreviewWidth) => void;
  setPreviewDark: (dark: boolean) => void;
  startPreview: () => void;
  finishPreview: (result: Preview) => void;
  failPreview: (message: string) => void;
  setImageUpload: (notice: ImageUploadNotice | null) => void;
}

export type ComposerStore = StoreApi<ComposerState>;

export function createComposerStore(
  initial: { value: ComposerValue; config: ComposerConfig },
  emitChange: (value: ComposerValue) => void,
): ComposerStore {
  return createStore<ComposerState>()((set, get) => {
    // EmailContent is SmsContent plus subject and preview text, so it types every editable part.
    const edit = (patch: Partial<EmailContent>) => {
      const current = get().value;
      // An email always leaves with both header strings, even when the host passed a bare `{ body }`.
      const value: ComposerValue =
        get().config.channel === 'email' ? { subject: '', previewText: '', ...current, ...patch } : { ...current, ...patch };
      set({ value });
      emitChange(value);
    };

    return {
      value: initial.value,
      config: initial.config,
      fieldPicker: null,
      previewContact: null,
      previewWidth: 'desktop',
      previewDark: false,
      preview: { status: 'idle', result: null, error: null },
      imageUpload: null,

      editBody: (body) => edit({ body }),
      editSubject: (subject) => edit({ subject }),
      editPreviewText: (previewText) => edit({ previewText }),
      replaceValue: (value) => set({ value }),
      setConfig: (config) => set({ config }),

      showFieldPicker: (picker) => {
        const previous = get().fieldPicker;
        // Keep the highlight while the list only refreshes (e.g. items resolving), reset it when the query changes.
        const keep = previous !== null && previous.query === picker.query;
        const highlighted = keep ? Math.min(previous.highlighted, Math.max(picker.items.length - 1, 0)) : 0;
        set({ fieldPicker: { ...picker, highlighted } });
      },
      highlightField: (index) => {
        const picker = get().fieldPicker;
        if (!picker) return;
        set({ fieldPicker: { ...picker, highlighted: wrapIndex(index, picker.items.length) } });
      },
      chooseHighlightedField: () => {
        const picker = get().fieldPicker;
        const item = picker?.items[picker.highlighted];
        if (!picker || !item) return false;
        picker.choose(item);
        return true;
      },
      hideFieldPicker: () => set({ fieldPicker: null }),

      setPreviewContact: (previewContact) => set({ previewContact }),
      setPreviewWidth: (previewWidth) => set({ previewWidth }),
      setPreviewDark: (previewDark) => set({ previewDark }),
      startPreview: () => set((s) => ({ preview: { ...s.preview, status: 'loading', error: null } })),
      finishPreview: (result) => set({ preview: { status: 'ready', result, error: null } }),
      failPreview: (error) => set((s) => ({ preview: { ...s.preview, status: 'error', error } })),
      setImageUpload: (imageUpload) => set({ imageUpload }),
    };
  });
}
