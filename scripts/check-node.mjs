// Guards every npm script: Astro needs Node >= 22.12, the scripts are TypeScript that Node runs by
// stripping the types (on by default from Node 22.18 and 23.6), and this project pins Node 24
// through the npm package `node`. If npm scripts run on an older Node (e.g. the package's install
// script was blocked), stop loudly instead of failing later in some confusing way.
//
// This file stays JavaScript, and package.json runs it before each TypeScript script: it must run
// on the old Node it turns away, which cannot even load a .ts file. `--quiet`: say nothing when the
// Node is recent enough (the scripts that import this file print the line themselves).
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const ok = major >= 24 || (major === 23 && minor >= 6) || (major === 22 && minor >= 18);
if (!ok) {
  console.error(
    `Bayegan needs Node >= 22.18, but npm scripts are running on ${process.version} (${process.execPath}).\n` +
      'The project pins Node 24 through the devDependency "node". Run `npm ci` (or `npm install`) so that\n' +
      'node_modules/.bin/node exists; if your npm blocked its install script, allow it in package.json "allowScripts".',
  );
  process.exit(1);
}
if (!process.argv.includes('--quiet')) console.log(`Bayegan: running on Node ${process.version}`);
