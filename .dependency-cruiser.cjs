// The layers of Switchboard, checked on every `npm test` (scripts/check-layers.cjs). From the
// bottom: common/ (plain data and pure rules every side may import) < db/ < main/platform/ <
// main/core/ < main/features/<one feature> < main/app/ (assembles the service) < the doors
// (main/doors/, main/electron/, main/workers/). The renderer and the preload sit on common/ only.
// A rule's name is what a failing build prints: it says which line was crossed.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: two modules that need each other cannot be understood, tested or moved apart. Move what both need down a layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'common-imports-only-common',
      severity: 'error',
      comment: 'common/ is shared by main, preload and renderer: it imports only common/ and zod.',
      from: { path: '^common/' },
      to: { pathNot: ['^common/', '^node_modules/zod/'] },
    },
    {
      name: 'common-has-no-node',
      severity: 'error',
      comment: 'common/ runs in the renderer too: no Node built-in module.',
      from: { path: '^common/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'db-below-main',
      severity: 'error',
      comment: 'db/ (connection, migrations, the SQL home of each table) knows nothing of features, doors or the console.',
      from: { path: '^db/' },
      to: { path: '^(main|renderer|preload)/' },
    },
    {
      name: 'platform-below-core',
      severity: 'error',
      comment: 'main/platform/ (paths, files, native binaries) is a utility layer: it imports only common/, db/ and itself.',
      from: { path: '^main/platform/' },
      to: { path: '^main/', pathNot: '^main/platform/' },
    },
    {
      name: 'core-below-features',
      severity: 'error',
      comment: 'main/core/ (the handler context, change announcements) is what features share; it cannot know them.',
      from: { path: '^main/core/' },
      to: { path: '^main/(features|app|doors|electron|workers)/' },
    },
    {
      name: 'feature-imports-no-other-feature',
      severity: 'error',
      comment: 'A feature never reaches into another: what two features share moves down to common/, db/ or main/core/.',
      from: { path: '^main/features/([^/]+)/' },
      to: { path: '^main/features/', pathNot: '^main/features/$1/' },
    },
    {
      name: 'features-below-app',
      severity: 'error',
      comment: 'Features are assembled by main/app/; they never import the app or a door.',
      from: { path: '^main/features/' },
      to: { path: '^main/(app|doors|electron|workers)/' },
    },
    {
      name: 'app-below-doors',
      severity: 'error',
      comment: 'main/app/ builds the service the doors open; it never imports a door.',
      from: { path: '^main/app/' },
      to: { path: '^main/(doors|electron|workers)/' },
    },
    {
      name: 'doors-go-through-the-service',
      severity: 'error',
      comment: 'The doors (IPC, HTTP, CLI) call operations through the service; they do not import features or their SQL.',
      from: { path: '^main/(doors|electron)/' },
      to: { path: '^(main/features|main/core|db/tables)/' },
    },
    {
      name: 'team-server-beside-the-app',
      severity: 'error',
      comment: 'main/team-server/ (the team workspace\'s server, the only code that talks to PostgreSQL) is an assembly like main/app/: it imports common/, db/, main/platform/, main/core/ and the feeds feature\'s fetch, parse and sanitize modules (with the pipeline that chains them, its worker threads, the fetch schedule and the per-site download slots: its fetcher fetches as a desktop does); only the doors import it.',
      from: { path: '^main/team-server/' },
      to: { path: '^(main|renderer|preload)/', pathNot: ['^main/(team-server|platform|core)/', '^main/features/feeds/(fetch|parse|sanitize)/', '^main/features/feeds/(pipeline|runner|schedule-policy|host-limiter)\\.ts$'] },
    },
    {
      name: 'renderer-imports-only-common',
      severity: 'error',
      comment: 'The renderer talks to the service through the contract; of the rest it imports only common/.',
      from: { path: '^renderer/' },
      to: { path: '^(main|db|preload)/' },
    },
    {
      name: 'renderer-and-preload-have-no-node',
      severity: 'error',
      comment: 'The renderer runs sandboxed with no Node, and the preload may only require electron: no Node built-in module.',
      from: { path: '^(renderer|preload)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-uses-only-browser-packages',
      severity: 'error',
      comment: 'The renderer imports the UI packages it is built on (react, zustand, the list, the sanitizer, the charts, the palette\'s fuzzy match, the sidebar\'s icons) and the contract\'s zod; a Node-side package in the console is a mistake.',
      from: { path: '^renderer/' },
      to: { path: 'node_modules/', pathNot: 'node_modules/(react|react-dom|zustand|@tanstack/react-virtual|dompurify|recharts|fuse\\.js|lucide-react|zod)/' },
    },
    {
      name: 'preload-imports-only-common',
      severity: 'error',
      comment: 'The sandboxed preload bundles only common/ (and electron).',
      from: { path: '^preload/' },
      to: { path: '^(main|db|renderer)/' },
    },
    {
      name: 'electron-only-in-the-shell',
      severity: 'error',
      comment: 'Only the Electron shell and the preload import electron; everything else runs under plain Node.',
      from: { pathNot: '^(main/electron|preload)/' },
      to: { path: '^node_modules/electron/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(test|out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
