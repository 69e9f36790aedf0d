import { useMemo } from 'react';
import type { ComposerState } from './composer-store';
import { issuesByPart } from './issue-parts';
import { useComposerStore } from './ComposerStoreContext';

// Small selector hooks, so a component re-renders only for the slice it reads.
export const useComposerValue = () => useComposerStore((s) => s.value);
export const useBody = () => useComposerStore((s) => s.value.body);
// An SMS-shaped value handed to an email composer simply starts with empty header fields.
export const useSubject = () => useComposerStore((s) => ('subject' in s.value ? s.value.subject : ''));
export const usePreviewText = () => useComposerStore((s) => ('previewText' in s.value ? s.value.previewText : ''));

export const useComposerConfig = () => useComposerStore((s) => s.config);
export const useChannel = () => useComposerStore((s) => s.config.channel);
export const useLabels = () => useComposerStore((s) => s.config.labels);
export const useCatalog = () => useComposerStore((s) => s.config.catalog);
export const useIssues = () => useComposerStore((s) => s.config.issues);
/** The issues sorted by where they are shown; recomputed only when the host passes new ones. */
export const useIssueParts = () => {
  const issues = useIssues();
  return useMemo(() => issuesByPart(issues), [issues]);
};

export const useMenuRequest = () => useComposerStore((s) => s.menuRequest);

export const useImageUpload = () => useComposerStore((s) => s.imageUpload);

export const usePreview = () => useComposerStore((s) => s.preview);
export const usePreviewContact = () => useComposerStore((s) => s.previewContact);
export const usePreviewWidth = () => useComposerStore((s) => s.previewWidth);
export const usePreviewDark = () => useComposerStore((s) => s.previewDark);

type Actions = Pick<
  ComposerState,
  | 'editBody'
  | 'editSubject'
  | 'editPreviewText'
  | 'highlightSuggestion'
  | 'requestMenu'
  | 'setPreviewContact'
  | 'setPreviewWidth'
  | 'setPreviewDark'
  | 'startPreview'
  | 'finishPreview'
  | 'failPreview'
  | 'setImageUpload'
>;

/** Actions are created once with the store, so selecting one never causes a re-render. */
export function useComposerAction<K extends keyof Actions>(name: K): Actions[K] {
  return useComposerStore((s) => s[name]);
}
