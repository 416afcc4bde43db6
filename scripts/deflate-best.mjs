// Loaded into `vsce package` (scripts/package.mjs, with --import): the zip
// library vsce writes the .vsix with deflates each file at zlib's default
// level; this makes it the best level, a kilobyte or so less of the budget.
import zlib from 'node:zlib';

const best = { level: zlib.constants.Z_BEST_COMPRESSION, memLevel: 9 };
const { deflateRaw, DeflateRaw } = zlib;
zlib.deflateRaw = (buffer, options, callback) =>
  typeof options === 'function' ? deflateRaw(buffer, best, options) : deflateRaw(buffer, { ...options, ...best }, callback);
zlib.DeflateRaw = class extends DeflateRaw {
  constructor(options) {
    super({ ...options, ...best });
  }
};
