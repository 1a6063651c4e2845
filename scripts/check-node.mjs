// Guards `build` and `test`: Astro needs Node >= 22.12, and this project pins Node 24 through the
// npm package `node`. If npm scripts run on an older Node (e.g. the package's install script was
// blocked), stop loudly instead of failing later in some confusing way.
const [major, minor] = process.versions.node.split('.').map(Number);
const ok = major > 22 || (major === 22 && minor >= 12);
if (!ok) {
  console.error(
    `Bayegan needs Node >= 22.12, but npm scripts are running on ${process.version} (${process.execPath}).\n` +
      'The project pins Node 24 through the devDependency "node". Run `npm ci` (or `npm install`) so that\n' +
      'node_modules/.bin/node exists; if your npm blocked its install script, allow it in package.json "allowScripts".',
  );
  process.exit(1);
}
console.log(`Bayegan: running on Node ${process.version}`);
