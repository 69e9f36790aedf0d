/**
 * The networks a social links row can point to. Each icon is a PNG memberlink serves itself at
 * `/media/social/<network>.png` (mail clients fetch images; Gmail and Outlook show no SVG), made once
 * from simple-icons by scripts/render-social-icons.ts (`npm run render:social-icons`). `hosts` are the addresses a profile lives at,
 * so a link pasted into the wrong network's field is caught.
 */
export const SOCIAL_NETWORKS = [
  { id: 'facebook', label: 'Facebook', hosts: ['facebook.com', 'fb.com'] },
  { id: 'instagram', label: 'Instagram', hosts: ['instagram.com'] },
  { id: 'x', label: 'X', hosts: ['x.com', 'twitter.com'] },
  { id: 'linkedin', label: 'LinkedIn', hosts: ['linkedin.com'] },
  { id: 'youtube', label: 'YouTube', hosts: ['youtube.com', 'youtu.be'] },
  { id: 'tiktok', label: 'TikTok', hosts: ['tiktok.com'] },
] as const;

export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];
export type SocialNetworkId = SocialNetwork['id'];

export function socialNetwork(id: unknown): SocialNetwork | undefined {
  return SOCIAL_NETWORKS.find((network) => network.id === id);
}

/** Icons are drawn at twice the size they are shown at, for sharp icons on high-density screens. */
export const SOCIAL_ICON_SIZE = { shown: 32, drawn: 64 } as const;

/**
 * Where the icons are served, filled per send from memberlink's public address (PUBLIC_URL), as
 * `{{memberlink.media_url}}social/facebook.png`. Not in the catalog: only the serializer writes it.
 */
export const MEDIA_URL_KEY = 'memberlink.media_url';

export const socialIconPath = (id: SocialNetworkId) => `social/${id}.png`;
