import { css } from 'qwc-hot-reload-element';

/** What the LaunchDarkly pages share: the page layout, tables, headings, code and secondary text. */
export const pageStyles = css`
    :host { display: flex; flex-direction: column; padding: 0 16px 16px 16px; gap: 12px; }
    table { width: 100%; border-collapse: collapse; font-size: var(--lumo-font-size-s); }
    th { text-align: left; padding: 6px 12px; color: var(--lumo-secondary-text-color);
         border-bottom: 2px solid var(--lumo-contrast-10pct); }
    td { padding: 6px 12px; border-bottom: 1px solid var(--lumo-contrast-10pct); vertical-align: top; }
    h3 { margin: 8px 0; font-size: var(--lumo-font-size-l); }
    code { font-family: var(--lumo-font-family-monospace, monospace); }
    .message { color: var(--lumo-secondary-text-color); }
`;
