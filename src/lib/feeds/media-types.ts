/** The media types of the site's feeds, for links, routes and the host's headers. */

export const RSS_TYPE = 'application/rss+xml';
/** JSON Feed 1.1's own type; hosts send `.json` files as `application/json` unless told otherwise. */
export const JSON_FEED_TYPE = 'application/feed+json';
