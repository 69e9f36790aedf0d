import { useEffect, useRef, useState } from 'react';
import { DEFAULT_CATALOG } from '../template';
import { labelsWith } from './labels';
import { memberlinkPreview } from './preview/memberlink-preview';
import { memberlinkUpload } from './media/image-upload';
import { createComposerStore, type ComposerConfig } from './store/composer-store';
import { ComposerStoreProvider } from './store/ComposerStoreContext';
import type { ComposerIssue, ComposerProps, MagicLinkDestinationOption, OfferOption } from './types';
import { ComposerLayout } from './ui/ComposerLayout';

const NO_DESTINATIONS: readonly MagicLinkDestinationOption[] = [];
const NO_OFFERS: readonly OfferOption[] = [];
const NO_ISSUES: readonly ComposerIssue[] = [];

function configFrom(props: Omit<ComposerProps, 'value' | 'onChange'>): ComposerConfig {
  return {
    channel: props.channel,
    catalog: props.catalog ?? DEFAULT_CATALOG,
    destinations: props.destinations ?? NO_DESTINATIONS,
    offers: props.offers ?? NO_OFFERS,
    siteHost: props.siteHost ?? '',
    compact: props.compact ?? false,
    labels: labelsWith(props.labels),
    onPreview: props.onPreview ?? (props.siteId ? memberlinkPreview({ siteId: props.siteId, channel: props.channel, baseUrl: props.apiBaseUrl }) : undefined),
    searchContacts: props.searchContacts,
    mediaBaseUrl: `${(props.apiBaseUrl ?? '').replace(/\/$/, '')}/media/`,
    uploadImage: props.onUploadImage ?? (props.siteId ? memberlinkUpload({ siteId: props.siteId, baseUrl: props.apiBaseUrl }) : undefined),
    issues: props.issues ?? NO_ISSUES,
  };
}

/**
 * The message composer: a WYSIWYG editor for an email (subject, preview text, body) or an SMS, with
 * merge fields, magic links and a live preview. Each instance has its own store, so several
 * composers on one page share nothing.
 *
 * Controlled in the usual way: edits are reported through `onChange`; passing back the value it
 * reported is a no-op, passing a different one (e.g. another template) replaces the content.
 */
export function Composer(props: ComposerProps) {
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const [store] = useState(() => createComposerStore({ value: props.value, config: configFrom(props) }, (value) => onChange.current(value)));

  const { value, channel, catalog, destinations, offers, siteHost, compact, onPreview, searchContacts, siteId, apiBaseUrl, labels, onUploadImage, issues } = props;
  useEffect(() => {
    store.getState().setConfig(configFrom({ channel, catalog, destinations, offers, siteHost, compact, onPreview, searchContacts, siteId, apiBaseUrl, labels, onUploadImage, issues }));
  }, [store, channel, catalog, destinations, offers, siteHost, compact, onPreview, searchContacts, siteId, apiBaseUrl, labels, onUploadImage, issues]);

  useEffect(() => {
    if (value !== store.getState().value) store.getState().replaceValue(value);
  }, [store, value]);

  return (
    <ComposerStoreProvider store={store}>
      <ComposerLayout />
    </ComposerStoreProvider>
  );
}
