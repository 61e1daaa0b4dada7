import { useState } from "react";
import { useI18n } from "../../../i18n";

export interface CheckOption {
  id: number;
  label: string;
}

/** A group of checkboxes for choosing rows by id, with an optional filter for long lists. */
export function CheckList(props: {
  id: string;
  legend: string;
  hint?: string;
  options: CheckOption[];
  chosen: number[];
  onChange: (ids: number[]) => void;
  filter?: boolean;
}) {
  const { id, legend, hint, options, chosen, onChange, filter = false } = props;
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const needle = query.trim().toLowerCase();
  const shown = options.filter(
    (option) => chosen.includes(option.id) || option.label.toLowerCase().includes(needle),
  );
  function toggle(optionId: number, on: boolean) {
    onChange(on ? [...chosen, optionId] : chosen.filter((value) => value !== optionId));
  }
  return (
    <fieldset className="field" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      ) : null}
      {filter && options.length > 8 ? (
        <p>
          <label htmlFor={`${id}-filter`}>{t("hrsetup.common.filter")}</label>{" "}
          <input
            id={`${id}-filter`}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </p>
      ) : null}
      {options.length === 0 ? <p className="muted small">{t("hrsetup.common.noOptions")}</p> : null}
      <div className="checks">
        {shown.map((option) => (
          <label key={option.id} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(option.id)}
              onChange={(e) => toggle(option.id, e.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
