/** The corpus's six images: small baseline JPEGs drawn block by block (a sky gradient, a horizon and a sun). */
import { encodeBlockJpeg } from './jpeg.ts';

export interface ImageSpec {
  /** File name without `.jpg`. */
  name: string;
  skyTop: number[];
  skyBottom: number[];
  ground: number[];
  sun: number[];
  /** Sun centre, as a fraction of the width. */
  sunX: number;
  alt: string;
}

export const IMAGES: ImageSpec[] = [
  {
    name: 'dawn',
    skyTop: [32, 70, 140],
    skyBottom: [236, 160, 90],
    ground: [70, 60, 50],
    sun: [255, 214, 120],
    sunX: 0.3,
    alt: 'تصویر نمادین: طلوع خورشید بر فراز افقی تیره',
  },
  {
    name: 'noon',
    skyTop: [60, 130, 210],
    skyBottom: [170, 210, 240],
    ground: [90, 140, 70],
    sun: [255, 250, 210],
    sunX: 0.7,
    alt: 'تصویر نمادین: آسمان آبی روشن بالای دشتی سبز',
  },
  {
    name: 'dusk',
    skyTop: [60, 30, 90],
    skyBottom: [220, 100, 80],
    ground: [40, 30, 40],
    sun: [250, 170, 90],
    sunX: 0.55,
    alt: 'تصویر نمادین: غروب ارغوانی و خورشید نارنجی',
  },
  {
    name: 'desert',
    skyTop: [110, 170, 220],
    skyBottom: [230, 220, 190],
    ground: [200, 160, 100],
    sun: [255, 240, 180],
    sunX: 0.8,
    alt: 'تصویر نمادین: آسمان صاف بالای شن‌های کویر',
  },
  {
    name: 'sea',
    skyTop: [90, 150, 200],
    skyBottom: [200, 225, 235],
    ground: [30, 90, 140],
    sun: [255, 255, 230],
    sunX: 0.2,
    alt: 'تصویر نمادین: خط افق دریا زیر آسمان آبی',
  },
  {
    name: 'night',
    skyTop: [10, 15, 40],
    skyBottom: [40, 50, 90],
    ground: [20, 20, 25],
    sun: [230, 230, 210],
    sunX: 0.75,
    alt: 'تصویر نمادین: ماه کامل در آسمان شب',
  },
];

export const IMAGE_WIDTH = 800;
export const IMAGE_HEIGHT = 450;

const mix = (a: number[], b: number[], t: number) => a.map((v, i) => v + ((b[i] ?? v) - v) * t);

export function drawImage(spec: ImageSpec) {
  return encodeBlockJpeg(IMAGE_WIDTH, IMAGE_HEIGHT, (bx, by, wide, high) => {
    const horizon = Math.round(high * 0.68);
    const sunX = spec.sunX * wide;
    const sunY = high * 0.38;
    if (Math.hypot(bx + 0.5 - sunX, by + 0.5 - sunY) < high * 0.12) return spec.sun;
    if (by < horizon) return mix(spec.skyTop, spec.skyBottom, by / horizon);
    return mix(spec.ground, [0, 0, 0], ((by - horizon) / (high - horizon)) * 0.35);
  });
}
