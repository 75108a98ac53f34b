/**
 * Where the time goes, measured in CPU rather than wall time (so other work on the machine does
 * not blur it): the CPU each process of a dev stack and the load generator used during a scenario,
 * from /proc/<pid>/stat (Linux only; elsewhere the breakdown is simply empty).
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export type CpuByRole = Record<string, number>;

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

interface Proc {
  pid: number;
  ppid: number;
  /** utime + stime, ms. */
  cpuMs: number;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may contain spaces; the fields after it are positional.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { pid, ppid: Number(fields[1]), cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/** The stack's processes (the bridges' process and everything under it) by role. */
function stackProcesses(rootPid: number, port: number): Map<number, string> {
  let all: Proc[] = [];
  try {
    all = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => readProc(Number(d)) ?? []);
  } catch {
    return new Map();
  }
  const roles = new Map<number, string>([[rootPid, "bridges (node)"]]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (roles.has(p.pid) || !roles.has(p.ppid)) continue;
      const cmd = commandLine(p.pid);
      let role = cmd.split(" ")[0]?.split("/").pop() || String(p.pid);
      if (cmd.includes("wrangler-dist/cli.js")) role = "wrangler (node)";
      else if (role === "workerd")
        role = cmd.includes(`entry=127.0.0.1:${port} `) ? "workerd: proxy" : "workerd: worker";
      roles.set(p.pid, role);
      grew = true;
    }
  }
  return roles;
}

/** Counts the CPU the stack's processes and this process use between start() and stop(). */
export class CpuMeter {
  private roles = new Map<number, string>();
  private before = new Map<number, number>();

  constructor(
    private readonly stack: { pid: number; port: number },
    private readonly loadGeneratorRole = "load generator (this process)",
  ) {}

  start(): void {
    this.roles = stackProcesses(this.stack.pid, this.stack.port);
    this.roles.set(process.pid, this.loadGeneratorRole);
    this.before = new Map([...this.roles.keys()].map((pid) => [pid, readProc(pid)?.cpuMs ?? 0]));
  }

  /**
   * CPU ms by role since start(). `replaced`: a process of the stack ended or started meanwhile
   * (wrangler restarts the worker when a source file changes): the CPU of the one that ended is lost.
   */
  stop(): { used: CpuByRole; replaced: boolean } {
    const used: CpuByRole = {};
    const now = stackProcesses(this.stack.pid, this.stack.port);
    now.set(process.pid, this.loadGeneratorRole);
    let replaced = false;
    for (const pid of this.roles.keys()) if (!now.has(pid)) replaced = true;
    for (const [pid, role] of now) {
      const cpuMs = readProc(pid)?.cpuMs;
      if (cpuMs === undefined) continue;
      if (!this.before.has(pid)) replaced = true;
      used[role] = (used[role] ?? 0) + cpuMs - (this.before.get(pid) ?? 0);
    }
    return { used, replaced };
  }
}
