// The active regressor, as the server sees it: which model directory is loaded in the compute
// process (reloaded there after a restart of that process), and predictions through it.
import { AttributionComputeRequest, LoadModelComputeRequest, PredictComputeRequest, type ModelRecord } from '../../protocol/compute';
import type { ActiveModelInfo } from '../../protocol/editor';
import type { ComputeProcess } from '../compute/computeProcess';
import * as path from 'node:path';

export class ModelService {
  private info: ActiveModelInfo | undefined;
  /** ComputeProcess.startCount when the model was loaded: a different count means a restart. */
  private loadedIn = -1;

  constructor(private readonly compute: ComputeProcess) {}

  get active(): ActiveModelInfo | undefined {
    return this.info;
  }

  async setActive(dir: string | null): Promise<ActiveModelInfo | null> {
    const loaded = await this.compute.request(LoadModelComputeRequest, { dir });
    this.loadedIn = this.compute.startCount;
    if (!loaded) {
      this.info = undefined;
      return null;
    }
    this.info = {
      dir: loaded.dir,
      name: path.basename(loaded.dir),
      targetName: loaded.targetName,
      arch: loaded.arch,
      structureSource: loaded.structureSource,
      ...(loaded.spearman !== undefined ? { spearman: loaded.spearman } : {}),
    };
    return this.info;
  }

  async predict(records: ModelRecord[]): Promise<{ prediction: number; sd?: number }[]> {
    await this.ensureLoaded();
    return this.compute.request(PredictComputeRequest, { records });
  }

  async attribution(record: ModelRecord): Promise<{ values: number[]; reference: number }> {
    await this.ensureLoaded();
    return this.compute.request(AttributionComputeRequest, { record });
  }

  /** Loads the model again when the compute process restarted since (crash, kill). */
  private async ensureLoaded(): Promise<void> {
    if (!this.info) throw new Error('no active model');
    if (this.compute.startCount !== this.loadedIn || this.compute.pid === undefined) await this.setActive(this.info.dir);
  }
}
