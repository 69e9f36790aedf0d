import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CustomValue, DocNode, EmailContent } from '../../template';
import type { BlockCommand } from '../blocks/block-command';
import { nextSuggestionList, type ShownSuggestionList, type SuggestionListState } from './suggestion-list';
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
export type FieldPickerState = SuggestionListState<CustomValue>;
/** The `/` block menu of the email body. */
export type BlockMenuState = SuggestionListState<BlockCommand>;

/** The lists opened by typing, by name, with what each one lists. */
export interface SuggestionItems {
  fieldPicker: CustomValue;
  blockMenu: BlockCommand;
}
export type SuggestionListName = keyof SuggestionItems;

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
  blockMenu: BlockMenuState | null;
  /** A toolbar menu asked to open from elsewhere (the `/` menu's Image…), by its id; it clears the request. */
  menuRequest: string | null;
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

  showSuggestions: <K extends SuggestionListName>(name: K, list: ShownSuggestionList<SuggestionItems[K]>) => void;
  /** Highlights option `index`, wrapping past either end (ArrowDown on the last goes to the first). */
  highlightSuggestion: (name: SuggestionListName, index: number) => void;
  /** Chooses the highlighted option; false when there is nothing to choose, so the key press falls through. */
  chooseHighlightedSuggestion: (name: SuggestionListName) => boolean;
  hideSuggestions: (name: SuggestionListName) => void;
  requestMenu: (id: string | null) => void;

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
      blockMenu: null,
      menuRequest: null,
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

      showSuggestions: (name, list) => {
        const previous = get()[name] as SuggestionListState<unknown> | null;
        set({ [name]: nextSuggestionList(previous, list as ShownSuggestionList<unknown>) });
      },
      highlightSuggestion: (name, index) => {
        const list = get()[name];
        if (!list) return;
        set({ [name]: { ...list, highlighted: wrapIndex(index, list.items.length) } });
      },
      chooseHighlightedSuggestion: (name) => {
        const list = get()[name] as SuggestionListState<unknown> | null;
        const item = list?.items[list.highlighted];
        if (!list || !item) return false;
        list.choose(item);
        return true;
      },
      hideSuggestions: (name) => set({ [name]: null }),
      requestMenu: (menuRequest) => set({ menuRequest }),

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
