import { useMemo } from 'react';
import type { ComposerExtensionDeps } from '../extensions/extension-sets';
import { mergeFieldSuggestionKey } from '../extensions/merge-field-suggestion';
import { describeShowIf } from '../extensions/show-if';
import { describeField } from '../merge-field/describe-field';
import { findFields } from '../merge-field/find-fields';
import { useComposerStoreApi } from '../store/ComposerStoreContext';
import { suggestionListRenderer } from './suggestion-list-bridge';
import { uploadAndInsertImages } from '../media/upload-images';

/**
 * What this composer's extensions read from its store. Read at call time, not captured, so a new
 * catalog from the host reaches editors created before it.
 */
export function useExtensionDeps({ magicLinks }: { magicLinks: boolean }): ComposerExtensionDeps {
  const store = useComposerStoreApi();
  return useMemo(() => {
    const config = () => store.getState().config;
    return {
      describeField: (key) => describeField(key, config().catalog, config().destinations),
      // A subject line has no use for a login URL; bodies do (an SMS often is one).
      findFields: (query) =>
        findFields(magicLinks ? config().catalog : config().catalog.filter((value) => value.group !== 'magic_link'), query),
      renderFieldPicker: suggestionListRenderer(store, 'fieldPicker', mergeFieldSuggestionKey),
      onImageFiles: (editor, files, position) => {
        const { uploadImage } = config();
        const notify = store.getState().setImageUpload;
        if (!uploadImage) notify({ status: 'error', message: 'Images can only be added by their web address here: use Image in the toolbar.' });
        else void uploadAndInsertImages(editor, files, position, uploadImage, notify);
      },
      mediaBaseUrl: () => config().mediaBaseUrl,
      describeShowIf: (attributes) => describeShowIf(attributes, (id) => config().offers.find((offer) => offer.id === id)?.title),
    };
  }, [store, magicLinks]);
}
