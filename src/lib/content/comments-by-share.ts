/**
 * A segment build's comments (Node-only): in full only those of the articles whose pages it
 * renders, the others packed beside Astro's store. Every thread of a segment build held every
 * comment of the archive in its content store: at a million articles 183,069 comments, 60 MB of
 * the store's 106 MB, and in segment 3 of 32 about 0.75 GB of its peak (3.64 GB with the comments
 * moved aside, 4.39 GB with them, 5 December 2026). A page shows a comment only under its article,
 * and of the others the pages read only what counts them and checks them: the article, the comment
 * it replies to, when it was sent.
 *
 * Content sync waits for the articles' reckoning of the pages the segment renders
 * (`articlePagesReckoned`, src/build/segment-bodies.ts), then loads the comments as before, with
 * those it packed last time beside the store: the check for unchanged files (./unchanged-files.ts)
 * reads none of them whose file is as it was, unless the segment now renders its article's page.
 * It then moves every comment of another article out of the store into a file of its own
 * (./framed-file.ts), under a token the collection's meta keeps, and hands the pages what they
 * read of them (`packedCommentRecords`). The plan, which fingerprints every article page with its
 * comments, and a whole build keep every comment in the store.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { CommentRecord } from '#lib/comments.ts';
import { processWideValue } from '#lib/process-wide.ts';
import { articlePagesReckoned } from '#lib/segment-registry.ts';
import { readFramedList, writeFramedList } from './framed-file.ts';
import { PackedBeside } from './packed-beside.ts';
import type { WithPackedEntries } from './packed-entries.ts';
import { adoptRenderedBodyFolders, renderedBodiesDir } from './rendered-bodies.ts';
import { shownBodies } from './shown-bodies.ts';

type StoreEntry = Parameters<LoaderContext['store']['set']>[0];

/** A comment as it is kept packed: what the check for unchanged files and the pages read of it. */
export interface PackedComment {
  id: string;
  filePath: string;
  digest: string | number;
  data: { id: string; article: number; parent?: string | undefined; submittedAt: Date };
}

/** The file of packed comments in the collection's folder beside the store (./rendered-bodies.ts). */
const packedCommentsFile = (dir: string) => path.join(dir, 'packed-comments.bin');

/** The collection's meta key of the token that ties the file to the store. */
const TOKEN = 'bayegan:packed-comments';

/** What the file starts with (beside the count): the store it belongs to. */
interface Header {
  token: string;
}

/**
 * The packed comments of the file, when `wanted` takes its header (the store's token); undefined
 * when it is another store's, or there is none.
 */
const readPacked = (file: string, wanted: (header: Header) => boolean) =>
  readFramedList<Header, PackedComment>(file, wanted);

/** `entry` of the store, packed. */
function packed(entry: StoreEntry): PackedComment {
  const data = entry.data as PackedComment['data'];
  return {
    id: entry.id,
    filePath: entry.filePath!,
    digest: entry.digest!,
    data: {
      id: data.id,
      article: data.article,
      ...(data.parent === undefined ? {} : { parent: data.parent }),
      submittedAt: data.submittedAt,
    },
  };
}

/** What content sync left of the packed comments for the pages of the same process (a page thread reads the file). */
const handedOver = processWideValue<readonly PackedComment[] | undefined>('bayegan.packedComments');

/**
 * `loader` (the comments' glob), keeping in full in a segment build only the comments of the
 * articles whose pages it renders, the others packed beside the store.
 */
export function commentsByShare(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      const dir = renderedBodiesDir(context.config.cacheDir, context.collection);
      const file = packedCommentsFile(dir);
      const shown = shownBodies();
      if (!shown?.packs || shown.fingerprints) {
        rmSync(file, { force: true });
        return loader.load(context);
      }
      const share = await articlePagesReckoned();
      const showsArticle = (entry: { data: unknown }) => share.has((entry.data as PackedComment['data']).article);
      const token = context.meta.get(TOKEN);
      const own = (token !== undefined && readPacked(file, (header) => header.token === token)) || [];
      // One it packed whose article this segment now shows is read again, as a changed file is.
      const beside = new PackedBeside();
      for (const comment of own) if (!showsArticle(comment)) beside.set(comment.id, comment as StoreEntry);
      await loader.load({ ...context, packedBeside: beside } as LoaderContext & WithPackedEntries);
      const { store } = context;
      for (const entry of [...store.values()]) {
        if (showsArticle(entry)) continue;
        beside.set(entry.id, packed(entry));
        store.delete(entry.id);
      }
      const comments = [...beside.values()] as PackedComment[];
      const newToken = randomUUID();
      writeFramedList(file, { token: newToken } satisfies Header, comments);
      context.meta.set(TOKEN, newToken);
      handedOver.set(comments);
      // A page thread finds the file where it finds the articles' bodies.
      adoptRenderedBodyFolders([[context.collection, dir]]);
      context.logger.info(
        `${context.collection}: ${store.keys().length} kept in full (of the articles this segment's pages show), ${comments.length} packed.`,
      );
    },
  };
}

/**
 * What the pages read of the comments content sync packed (none outside a segment build): handed
 * over in the process that synced, else read from the file in the collection's folder `dir`,
 * which this build's content sync wrote. Handed over once.
 */
export function packedCommentRecords(dir: string | undefined): CommentRecord[] {
  const comments =
    handedOver.get() ?? (dir === undefined ? [] : (readPacked(packedCommentsFile(dir), () => true) ?? []));
  handedOver.set(undefined);
  return comments.map(({ data, filePath }) => ({ ...data, filePath }));
}
