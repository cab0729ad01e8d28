/** The machine a run's figures come from, for the report. */
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import sharp from "sharp";
import type { MachineInfo } from "./results.ts";

/** CPU model, cores, memory, Node and sharp versions, and the load when it is called. */
export function machineInfo(): MachineInfo {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: availableParallelism(),
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    sharp: sharp.versions.sharp ?? "unknown",
    vips: sharp.versions.vips,
    loadAverage: loadavg()[0] ?? 0,
  };
}
