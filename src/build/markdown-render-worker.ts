/**
 * The second Markdown renderer of a large content sync (a Node worker thread, started by
 * src/build/article-markdown.ts): the site's processor, built afresh with the options Astro gave
 * the main thread's, renders the bodies it is sent and returns the HTML and metadata. A body it
 * cannot render goes back without them, and the main thread renders it itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  articleMarkdownProcessor,
  type MarkdownJob,
  type MarkdownReply,
  type MarkdownWorkerSetup,
} from './article-markdown.ts';

const port = parentPort!;
const { base, rendererOptions } = workerData as MarkdownWorkerSetup;
const renderer = await articleMarkdownProcessor(base).createRenderer(rendererOptions);

port.on('message', async ({ id, content, frontmatter, fileURL }: MarkdownJob) => {
  let reply: MarkdownReply;
  try {
    reply = {
      id,
      rendered: await renderer.render(content, { frontmatter, ...(fileURL ? { fileURL: new URL(fileURL) } : {}) }),
    };
  } catch {
    reply = { id };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
