/**
 * Share links as plain URLs: no third-party script or widget is loaded; the reader's click opens
 * the service itself.
 */
export interface ShareLink {
  /** Key into the UI dictionary's labels. */
  service: 'telegram' | 'whatsapp' | 'x' | 'email';
  href: string;
}

export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { service: 'telegram', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { service: 'whatsapp', href: `https://wa.me/?text=${encodeURIComponent(`${title}\n${url}`)}` },
    { service: 'x', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { service: 'email', href: `mailto:?subject=${t}&body=${encodeURIComponent(`${title}\n\n${url}`)}` },
  ];
}
