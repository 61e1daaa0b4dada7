/**
 * Accept and decline for one request or invitation. Each button's accessible name ends with
 * what it decides about ("Accept – Lone Berg"), so a list of them reads unambiguously.
 */
export function DecideButtons({
  subject,
  acceptLabel,
  declineLabel,
  onDecide,
}: {
  subject: string;
  acceptLabel: string;
  declineLabel: string;
  onDecide: (accept: boolean) => void;
}) {
  return (
    <div className="actions">
      <button type="button" onClick={() => onDecide(true)}>
        {acceptLabel}
        <span className="visually-hidden"> – {subject}</span>
      </button>
      <button type="button" className="secondary" onClick={() => onDecide(false)}>
        {declineLabel}
        <span className="visually-hidden"> – {subject}</span>
      </button>
    </div>
  );
}
