import type { Plugin } from "vitest/config";
import type { PoolWorker } from "vitest/node";

/**
 * Vitest's runner says a pool worker's listeners go away when it stops. The workers pool
 * (@cloudflare/vitest-pool-workers 0.15.1) leaves its socket listener in place while it clears the
 * socket, so a module request the runner sends in the last instant of a file lands on a stopped
 * worker and its `assert(this.socket)` kills the whole test process ("Message received from Worker
 * before initialisation", seen twice in CI right after a file ended). Stopping detaches first;
 * Vitest has had its "stopped" answer by then, so nothing waits on what is dropped.
 * Must come after `cloudflareTest(...)` in a project's plugins (it wraps the pool that one installs).
 */
export function detachPoolWorkerOnStop(): Plugin {
  return {
    name: "housefull:detach-pool-worker-on-stop",
    configureVitest({ project }) {
      const runner = project.config.poolRunner;
      if (!runner) throw new Error("detachPoolWorkerOnStop must follow the cloudflareTest plugin");
      project.config.poolRunner = {
        ...runner,
        createPoolWorker(options) {
          const worker: PoolWorker = runner.createPoolWorker(options);
          const stop = worker.stop.bind(worker);
          const ignore = () => {};
          worker.stop = async () => {
            for (const event of ["message", "error", "exit"]) worker.off(event, ignore);
            await stop();
          };
          return worker;
        },
      };
    },
  };
}
