import { FORDERUNG_STATUS, type ForderungStatus } from "./labels";

export function StatusBadge({ status }: { status: string }) {
  return <span className={`forderung-status forderung-status--${status}`}>{FORDERUNG_STATUS[status as ForderungStatus] ?? status}</span>;
}
