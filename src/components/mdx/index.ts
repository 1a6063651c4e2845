/** Components MDX articles may use without importing them. */
import Audio from './Audio.astro';
import FactBox from './FactBox.astro';
import Figure from './Figure.astro';
import Gallery from './Gallery.astro';
import PullQuote from './PullQuote.astro';
import Video from './Video.astro';

export const mdxComponents = { Audio, FactBox, Figure, Gallery, PullQuote, Video };
