/** Components MDX articles may use without importing them. */
import FactBox from './FactBox.astro';
import PullQuote from './PullQuote.astro';

export const mdxComponents = { FactBox, PullQuote };
