import { formatStamp } from "../../../lib/format-show";
import type { Account, Device } from "../api/accounts";
import { useSignOutEverywhere } from "../hooks/use-account-actions";
import { deviceName } from "../lib/device-name";
import { accountErrorWords } from "../lib/words";
import styles from "./Accounts.module.css";

const METHODS: Record<string, string> = { oidc: "Google", email: "Email code" };

/** Where this account is signed in, and "Sign out everywhere" (this device included). */
export function DevicesCard({ account, onSignedOut }: { account: Account; onSignedOut: () => void }) {
  const everywhere = useSignOutEverywhere(onSignedOut);
  return (
    <section className={styles.card} aria-labelledby="devices-heading">
      <h2 id="devices-heading" className={styles.cardTitle}>
        Signed-in devices
      </h2>
      <ul className={styles.devices}>
        {account.devices.map((device) => (
          <DeviceRow key={device.sessionId} device={device} />
        ))}
      </ul>
      <p className={styles.hint}>Other devices are signed out within a minute.</p>
      {everywhere.error ? (
        <p className={styles.error}>{accountErrorWords(everywhere.error, "sign out everywhere")}</p>
      ) : null}
      <div className={styles.actions}>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={everywhere.isPending}
          onClick={() => everywhere.mutate()}
        >
          {everywhere.isPending ? "Signing out…" : "Sign out everywhere"}
        </button>
      </div>
    </section>
  );
}

function DeviceRow({ device }: { device: Device }) {
  return (
    <li className={styles.device}>
      <span className={styles.deviceName} title={device.device ?? undefined}>
        {deviceName(device.device)}
        {device.current ? <span className={styles.current}>This device</span> : null}
      </span>
      <span className={styles.meta}>
        {METHODS[device.method] ?? device.method} · signed in {formatStamp(device.signedInAt)} · last seen{" "}
        {formatStamp(device.lastSeenAt)}
      </span>
    </li>
  );
}
