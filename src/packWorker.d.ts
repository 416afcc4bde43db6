// The pack-parsing worker (src/worker/packWorker.ts), bundled by esbuild.js into this string.
declare module 'agreement-cite:pack-worker' {
  const code: string;
  export default code;
}
