// The bundled fact pack, checked and compiled from data/*.yaml by esbuild.js.
declare module 'agreement-cite:bundled-pack' {
  import type { Pack } from '../core/types';
  const pack: Pack;
  export default pack;
}
