// The TF.js backend a job, compute or CLI process starts with: from the environment that the
// language server sets from the `basepair.ml.*` settings (BASEPAIR_BACKEND = auto | tensorflow |
// wasm | cpu, BASEPAIR_THREADS = wasm threads), so CLI users can set the same variables.
import type { BackendOptions } from '../ml';

export function backendOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): BackendOptions {
  const prefer = env['BASEPAIR_BACKEND'];
  const threads = Number(env['BASEPAIR_THREADS']);
  return {
    ...(prefer === 'auto' || prefer === 'tensorflow' || prefer === 'wasm' || prefer === 'cpu' ? { prefer } : {}),
    ...(Number.isInteger(threads) && threads >= 1 ? { threads } : {}),
  };
}
