import type { APIRoute } from 'astro';
import { adminConfigYaml } from '#data/admin.ts';

// The editor's configuration, generated from the content schema and folder at every build.
export const GET: APIRoute = async () =>
  new Response(await adminConfigYaml(), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
