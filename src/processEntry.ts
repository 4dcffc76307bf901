// The one bundle (dist/basepair.js) of every process that runs TF.js: the `basepair` CLI, a job process,
// the compute process and a gradient worker thread. Each is started through a two-line stub in dist/
// (cli.js, job.js, compute.js, gradientWorker.js, written by esbuild.mjs) that requires this bundle and
// names its role, so TF.js and the engine are bundled once. A role's module is required only when that
// role starts (its top-level code is what runs the process).
export type ProcessRole = 'cli' | 'job' | 'compute' | 'gradient-worker';

export function start(role: ProcessRole): void {
  switch (role) {
    case 'cli':
      (require('./cli') as typeof import('./cli')).startCli();
      return;
    case 'job':
      require('./jobs/main');
      return;
    case 'compute':
      require('./compute/main');
      return;
    case 'gradient-worker':
      require('./ml/gradientWorkerMain');
      return;
    default:
      throw new Error(`unknown process role '${String(role)}'`);
  }
}
